# Mentore · emails · sq

## E-mails (plain text). Each message has -subject and -body; the body keeps its blank lines. Links
## stay on a line of their own.

# Last line of every e-mail.
email-signature = Mentore · mbështetja që financon pjesëmarrësit
email-reset-subject = Rivendosni fjalëkalimin tuaj
# $name is the display name, $link the reset address (on its own line).
email-reset-body =
    Përshëndetje { $name },

    për të zgjedhur një fjalëkalim të ri hapni këtë lidhje brenda një ore:
    { $link }

    Nëse nuk e keni kërkuar ju, shpërfilleni këtë mesazh.
# Sent to a new address after the sign-up form. $name is the name given on the form, $link the
# address that creates the account (valid for 24 hours, on its own line).
email-signup-confirm-subject = Konfirmoni llogarinë tuaj Mentore
email-signup-confirm-body =
    Përshëndetje { $name },

    për të krijuar llogarinë tuaj hapni këtë lidhje brenda 24 orëve:
    { $link }

    Nëse nuk e keni kërkuar ju, shpërfilleni këtë mesazh: pa lidhjen nuk krijohet asnjë llogari.
# Sent when someone fills in the sign-up form with an address that already has an account.
# $name is the account’s display name, $login the log-in page, $reset the page to choose a new password.
email-signup-existing-subject = Keni tashmë një llogari Mentore
email-signup-existing-body =
    Përshëndetje { $name },

    dikush kërkoi të krijojë një llogari me këtë adresë, e cila ka tashmë një. Për të hyrë:
    { $login }

    Nëse keni harruar fjalëkalimin, zgjidhni një të ri këtu:
    { $reset }

    Nëse nuk e keni kërkuar ju, shpërfilleni këtë mesazh: llogaria juaj nuk ka ndryshuar.
# $organization is the organisation’s name.
email-invitation-subject = Ftesë për t’iu bashkuar organizatës { $organization }
# $inviter is who sends the invitation, $organization the organisation, $role one of member-role-*,
# $link the address to accept (valid for seven days).
email-invitation-body =
    Përshëndetje,
    
    { $inviter } ju fton t’i bashkoheni organizatës { $organization } në Mentore si { $role }.
    Hapni këtë lidhje brenda shtatë ditëve për ta pranuar:
    { $link }
# $organization is the organisation’s name.
email-organizer-approved-subject = { $organization } tani është organizator në Mentore
# $name is the applicant’s display name, $organization the organisation, $link its management page.
email-organizer-approved-body =
    Përshëndetje { $name },
    
    aplikimi i organizatës { $organization } u miratua. Tani mund ta menaxhoni organizatën dhe të ftoni kolegët:
    { $link }
# $organization is the organisation’s name.
email-organizer-rejected-subject = Aplikimi i organizatës { $organization }
# $name is the applicant’s display name, $organization the organisation.
email-organizer-rejected-body =
    Përshëndetje { $name },
    
    fatkeqësisht aplikimi i organizatës { $organization } nuk u miratua. Për pyetje përgjigjuni këtij mesazhi.
email-voucher-subject = Vauçeri juaj Mentore
# $name the person’s name or alias, $what the event (or "a place of your choice"), $code
# the voucher code, $until the last valid day, $link the voucher’s page with its QR code.
email-voucher-body =
    Përshëndetje { $name },

    një mentor ka paguar vendin tuaj: { $what }.
    Kodi i vauçerit tuaj është { $code }, i vlefshëm deri më { $until }.

    Hapni këtë lidhje për të parë vauçerin dhe kodin e tij QR, dhe tregojeni në hyrje:
    { $link }

    Mos ia tregoni kodin askujt: kush e ka, mund ta përdorë.

# To every member of a partner when someone on its waiting list received a voucher (the value of
# an expired voucher, reallocated). $name the person, $what the event or "a place of your
# choice", $code the voucher’s last characters, $until its last valid day, $link the partner’s
# voucher page, $delivery "email" (already sent to the person) or "print".
email-reallocated-subject = Një vauçer për { $name }, nga lista juaj e pritjes
email-reallocated-body =
    Përshëndetje,
    
    u lirua një vauçer që nuk e përdori askush, dhe mentori i tij kërkoi që t’i shkojë personit të
    parë në pritje: është { $name }, në listën e pritjes së shoqatës suaj. { $what }, i vlefshëm deri
    më { $until } (kodi që mbaron me { $code }).
    
    { $delivery ->
        [email] Vauçeri i është dërguar tashmë personit me e-mail.
       *[print] Shtypeni nga faqja e vauçerëve dhe dorëzojani personit.
    }
    { $link }

# The receipt sent when a contribution is paid, in the mentor’s language. $name the mentor,
# $number the receipt number, $amount with its currency, $fund the fund’s name, $date the day
# paid, $method how it was paid, $demo "yes" for a demonstration payment, $link the receipt page.
email-receipt-subject = Dëftesa juaj { $number } — faleminderit
email-receipt-body =
    Përshëndetje { $name },
    
    faleminderit: e morëm kontributin tuaj prej { $amount } për fondin «{ $fund }» më { $date } ({ $method }).
    { $demo ->
        [yes] Ishte një demonstrim: nuk u mor asnjë para dhe kjo dëftesë nuk ka vlerë.
       *[no] Numri i dëftesës suaj është { $number }.
    }
    
    Dëftesa, për ta shtypur ose ruajtur, dhe çfarë bën të mundur kontributi juaj:
    { $link }
