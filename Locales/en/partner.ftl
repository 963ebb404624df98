# Mentore · partner · en

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Partner dashboard
# $organization is the organisation's name.
members-title = Members of { $organization }
# $organization is the organisation's name.
members-intro = Who works with { $organization } on the platform.
members-empty = No members yet.
members-invite-intro = Invite a colleague: they will receive a link by e-mail, valid for seven days.
members-invite-submit = Send the invitation
# $email is the invited e-mail address.
members-invited = Invitation sent to { $email }.
# Button that removes a member from the organisation.
members-remove = Remove

## Vouchers of a partner association and their nominations (/partner/ID/vouchers). A
## nomination gives one voucher to one beneficiary; it can be withdrawn while unused.

partner-vouchers-title = Vouchers
# $organization is the partner association's name.
partner-vouchers-intro = The vouchers that mentors' funds gave { $organization }: give each one to a person who needs it.
partner-vouchers-empty = No vouchers yet: they arrive when a mentor funds places for this association.
# Column with the last characters of a voucher code.
column-code = Code
column-beneficiary = Given to
action-nominate = Give to a person
action-withdraw = Take back
action-print = Print
nominate-title = Give a voucher to a person
nominate-intro = Only what is needed: a name or an alias, the language the person reads, and an e-mail address if the voucher goes by e-mail.
field-beneficiary-name = Name or alias
hint-beneficiary-name = What the door staff will see when the voucher is used.
field-beneficiary-email = E-mail (optional)
field-beneficiary-language = Language of the person
field-delivery = How the voucher reaches the person
delivery-email = By e-mail, with its QR code
delivery-print = I print it and hand it over
field-beneficiary-note = Note for your association (optional)
hint-beneficiary-note = Seen only by your association.
nominated-emailed = Done: the voucher is on its way by e-mail, in the person's language.
nominated-print = Done: print the voucher and hand it over.
nomination-withdrawn = The voucher is back: you can give it to someone else.
