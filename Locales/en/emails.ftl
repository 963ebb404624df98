# Mentore · emails · en

## E-mails (plain text). Each message has -subject and -body; the body keeps its blank lines. Links
## stay on a line of their own.

# Last line of every e-mail.
email-signature = Mentore · support that funds the people who take part
email-reset-subject = Reset your password
# $name is the display name, $link the reset address (on its own line).
email-reset-body =
    Hello { $name },

    to choose a new password, open this link within one hour:
    { $link }

    If you did not ask for this, ignore this message.
# Sent to a new address after the sign-up form. $name is the name given on the form, $link the
# address that creates the account (valid for 24 hours, on its own line).
email-signup-confirm-subject = Confirm your Mentore account
email-signup-confirm-body =
    Hello { $name },

    to create your account, open this link within 24 hours:
    { $link }

    If you did not ask for this, ignore this message: without the link no account is created.
# Sent when someone fills in the sign-up form with an address that already has an account.
# $name is the account's display name, $login the log-in page, $reset the page to choose a new password.
email-signup-existing-subject = You already have a Mentore account
email-signup-existing-body =
    Hello { $name },

    someone asked to create an account with this address, which already has one. To log in:
    { $login }

    If you have forgotten your password, choose a new one here:
    { $reset }

    If you did not ask for this, ignore this message: your account has not changed.
# $organization is the organisation's name.
email-invitation-subject = Invitation to join { $organization }
# $inviter is who sends the invitation, $organization the organisation, $role one of member-role-*,
# $link the address to accept (valid for seven days).
email-invitation-body =
    Hello,

    { $inviter } invites you to join { $organization } on Mentore as { $role }.
    Open this link within seven days to accept:
    { $link }
# $organization is the organisation's name.
email-organizer-approved-subject = { $organization } is now an organizer on Mentore
# $name is the applicant's display name, $organization the organisation, $link its management page.
email-organizer-approved-body =
    Hello { $name },

    the application of { $organization } has been approved. You can now manage the organisation and invite colleagues:
    { $link }
# $organization is the organisation's name.
email-organizer-rejected-subject = The application of { $organization }
# $name is the applicant's display name, $organization the organisation.
email-organizer-rejected-body =
    Hello { $name },

    unfortunately the application of { $organization } was not approved. For questions, reply to this message.
email-voucher-subject = Your Mentore voucher
# $name the person's name or alias, $what the event (or "a place of your choice"), $code
# the voucher code, $until the last valid day, $link the voucher's page with its QR code.
email-voucher-body =
    Hello { $name },

    a mentor has paid your place: { $what }.
    Your voucher code is { $code }, valid until { $until }.

    Open this link to see your voucher and its QR code, and show it at the entrance:
    { $link }

    Keep the code to yourself: whoever has it can use it.

# To every member of a partner when someone on its waiting list received a voucher (the value of
# an expired voucher, reallocated). $name the person, $what the event or "a place of your
# choice", $code the voucher's last characters, $until its last valid day, $link the partner's
# voucher page, $delivery "email" (already sent to the person) or "print".
email-reallocated-subject = A voucher for { $name }, from your waiting list
email-reallocated-body =
    Hello,

    a voucher that nobody used has freed up, and its mentor asked for it to go to the next person
    waiting. That is { $name }, on your association's waiting list: { $what }, valid until { $until }
    (code ending { $code }).

    { $delivery ->
        [email] The voucher has already been sent to them by e-mail.
       *[print] Print it from your vouchers page and hand it to them.
    }
    { $link }

# The receipt sent when a contribution is paid, in the mentor's language. $name the mentor,
# $number the receipt number, $amount with its currency, $fund the fund's name, $date the day
# paid, $method how it was paid, $demo "yes" for a demonstration payment, $link the receipt page.
email-receipt-subject = Your receipt { $number } — thank you
email-receipt-body =
    Hello { $name },

    thank you: we received your contribution of { $amount } to the fund “{ $fund }” on { $date } ({ $method }).
    { $demo ->
        [yes] This was a demonstration: no money was received and this receipt has no value.
       *[no] Your receipt number is { $number }.
    }

    The receipt, to print or keep, and what your contribution makes possible:
    { $link }
