## Settlements: what organizers are paid for the admissions at their door.

settlements-title = Settlements
# $organizer: the organizer's name.
settlements-intro = What { $organizer } is owed for the admissions at its door: month by month what is not settled yet, then each settlement with its statement.
settlements-pending = Not settled yet
settlements-pending-empty = Every admission is settled.
settlements-list = Settlements
settlements-empty = No settlements yet.
settlement-no-lines = This settlement has no lines.
column-month = Month
column-admissions = Admissions
column-admitted-amount = Value of the admissions
column-carried-voids = Undone after settlement
column-due = Amount due
column-settlement = Settlement
column-period = Period
column-event = Event
column-session = Date of the event
column-reference = Reference
column-door = Door
# $count: a number of admissions.
settlement-admissions-count = { $count ->
        [one] { $count } admission
       *[other] { $count } admissions
    }
settlement-status-unpaid = Awaiting payment
settlement-status-paid = Paid
settlement-statement = Statement
# $first and $last: formatted dates, both included.
settlement-period = { $first } – { $last }
settlement-organizer = Organizer
settlement-created = Drawn up on
# $date: a formatted date.
settlement-paid-on = Paid on { $date }
settlement-paid-reference = Payment reference
settlement-line-admission = Admission
settlement-line-void = Admission undone after an earlier settlement
# $count: how many admissions the settlement pays for.
settlement-total-admissions = { $count ->
        [one] { $count } admission
       *[other] { $count } admissions
    }
# $count: how many admissions undone after an earlier settlement are deducted.
settlement-total-voids = { $count ->
        [one] Less { $count } admission undone after settlement
       *[other] Less { $count } admissions undone after settlement
    }
settlement-mark-paid = Mark as paid
field-payment-reference = Bank transfer reference
hint-payment-reference = Optional: the reference of the transfer that paid the organizer.
settlement-csv = Download as CSV
settlement-languages = This statement in:
settlement-print-hint = To keep a paper copy, print this page from your browser: only the statement is printed.
# $number: the settlement's number, such as S-1A2B3C4D.
settlement-title = Settlement { $number }
admin-settlements-title = Settlements
admin-settlements-text = Pay organizers for the admissions at their door, period by period.
admin-settlements-intro = A settlement takes every admission of an organizer in a period that no settlement has taken yet, and deducts admissions undone after an earlier settlement. Only a period that has ended can be settled.
settlement-create = Create a settlement
field-period-first = First day
field-period-last = Last day
hint-period-last = Included. The period must be over.
# $count: how many settlements were created (one per currency).
settlement-created-notice = { $count ->
        [one] The settlement is ready: open its statement below.
       *[other] { $count } settlements are ready, one per currency: open their statements below.
    }
field-organization-language = Language of statements
hint-organization-language = Settlement statements and their CSV files are written in this language.
