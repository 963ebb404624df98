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

## Nominating many people at once from a CSV file (/partner/ID/vouchers/bulk).

action-bulk-open = Give vouchers to a list of people (CSV)
bulk-title = Give vouchers to a list of people
bulk-intro = Upload a CSV file, or paste its lines, with one person a line. Everyone in the list gets a voucher, or — if any line has a problem — nobody does, and every problem is listed.
# Which kind of unused voucher to give. $what is an event's title or voucher-scope-credit,
# $value the voucher's value with its currency, $count how many are still unused.
bulk-group-option = { $what } · { $value } ({ $count ->
        [one] one free
       *[other] { $count } free
    })
field-bulk-group = Vouchers to give
field-bulk-file = CSV file
# $columns is the header line (fixed English names), $languages the language codes and
# $deliveries the delivery words the file may use: all shown as they are.
hint-bulk-file = First line: { $columns }. Name and language are required; the language is one of { $languages }; the delivery one of { $deliveries } (print when empty).
field-bulk-rows = Or paste the lines here
hint-bulk-rows = The same format, the line with the column names first.
action-bulk-nominate = Give the vouchers
# $count is how many people received a voucher.
bulk-done = { $count ->
        [one] Done: one person received a voucher.
       *[other] Done: { $count } people received a voucher.
    } Vouchers going by e-mail are on their way; print the others from the list.
# $count is the number of problems found; nothing was saved.
bulk-refused = { $count ->
        [one] Nobody received a voucher: there is one problem, listed below. Correct it and send the list again.
       *[other] Nobody received a voucher: there are { $count } problems, listed below. Correct them and send the list again.
    }
bulk-problems-title = Problems in the list
# Row number as a spreadsheet shows it (the column names are row 1).
column-row = Row
column-column = Column
column-problem = Problem
# In the Row column, for a problem of the file as a whole.
bulk-whole-file = whole file

## A partner's waiting list (/partner/ID/waiting): people who get the next voucher a fund frees up
## (the value of an expired voucher whose mentor chose reallocation).

waiting-title = Waiting list
# $organization is the partner association's name.
waiting-intro = The people { $organization } is waiting to give a place to. When a voucher of a fund expires unused and its mentor chose to pass it on, the first person waiting for that fund gets a new voucher at once, and you are told by e-mail.
waiting-empty = Nobody is waiting.
waiting-form-intro = The same details as for giving a voucher: the voucher is made and given as soon as value frees up.
# $name is the person's name or alias.
waiting-added = { $name } is on the waiting list.
waiting-removed = Taken off the waiting list.
waiting-status-waiting = Waiting
waiting-status-served = Voucher given
waiting-status-removed = Taken off
# Position in the queue of the same fund.
column-waiting-place = Place
column-waiting-fund = Waiting for
column-waiting-since = Since
field-waiting-fund = Fund to wait for
action-add-waiting = Add to the waiting list
action-remove-waiting = Take off

## One beneficiary's data (/partner/ID/beneficiaries/ID): what is held, export and erasure.

beneficiary-title = A person's data
action-person-data = Data
beneficiary-since = Recorded on
beneficiary-no-vouchers = No voucher is given to this person now.
action-export = Download all their data (JSON)
action-erase = Erase this person's data
beneficiary-erase-intro = On the person's request: the name becomes a neutral alias, the e-mail address and the note are deleted, and messages to them are emptied. Vouchers, attendances and the accounts stay as they are. This cannot be undone.
beneficiary-erased-done = Done: the person's data is erased.
# $date is the day of the erasure.
beneficiary-erased-note = This person's data was erased on { $date }; only a neutral alias remains.
