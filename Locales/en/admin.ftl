# Mentore · admin · en

## Administration (admins only): organizers, partners, venues, events, audit log.

dashboard-admin-title = Administration
admin-organizers-title = Organizers
# $pending is the number of applications still to review.
admin-organizers-text = Applications waiting: { $pending }.
admin-organizers-empty = No organizers yet.
admin-organizer-edit-title = Edit organizer
# Status of an organizer application (badge).
organizer-status-pending = Pending
organizer-status-approved = Approved
organizer-status-rejected = Rejected
admin-partners-title = Partners
# Short description under the heading.
admin-partners-text = The associations that nominate beneficiaries.
admin-partners-empty = No partners yet.
admin-partner-new = New partner
admin-partner-edit-title = Edit partner
admin-venues-title = Venues
admin-venues-text = The venues where events are held.
admin-venues-empty = No venues yet.
admin-venue-new = New venue
admin-venue-edit-title = Edit venue
admin-events-title = Events
admin-events-text = Courses and cultural events, with their dates.
admin-events-empty = No events yet.
admin-event-new = New event
admin-event-edit-title = Edit event
# Shown above the title/description fields in the three languages.
admin-event-texts-hint = Write the title and description in at least one language; readers of a missing language will see a note.
# Heading of the list of dates (sessions) of one event.
admin-sessions-title = Event dates
admin-sessions-empty = No dates yet.
admin-session-add = Add a date
admin-audit-title = Audit log
# Short description under the heading of the audit log.
admin-audit-text = Who did what, when and from where.
admin-audit-empty = Nothing recorded yet.

## Admin forms for venues and events.

field-organizer = Organizer
field-venue-name = Venue name
field-address = Address
field-country = Country
field-time-zone = Time zone
# ISO 3166 country codes; IT is Italy, AL is Albania.
hint-country = Two-letter code, for example IT or AL.
# IANA time zone names; keep them as they are.
hint-time-zone = For example Europe/Rome or Europe/Tirane.
field-venue = Venue
field-kind = Kind
field-price = Value of a place
# The lek (ALL) is Albania's currency and has no decimals.
hint-price = For example 40 or 12.50; the lek has no decimals.
field-currency = Currency
# Which languages the course or event is held in (check boxes).
field-languages = Languages it is held in
# $language is the language's name in the reader's language (e.g. Albanian).
field-title-in = Title ({ $language })
# $language is the language's name in the reader's language (e.g. Albanian).
field-description-in = Description ({ $language })
# Check box: show the event in the public catalog.
field-published = Published in the catalog
field-starts-at = Starts
field-ends-at = Ends
field-capacity = Places available
# $zone is the venue's time zone, e.g. Europe/Rome.
hint-venue-time = The venue's local time ({ $zone }).

## Translations side by side (events, venues)
# The language a text was first written in.
field-original-language = Original language
# Badge on a language column that has no text yet.
translation-missing = Missing
# Who wrote the text of one language: a person or a machine translation.
field-text-origin = Origin of the text
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-human = Written by a person
# Choice for field-text-origin, completes the sentence “Written by …”.
text-origin-machine = Machine translation
field-directions = How to get there
hint-directions = Public transport, entrance, accessibility: what a first-time visitor needs.

## Funds and contributions (admins): creating funds, and recording the bank transfers that
## pay contributions.

admin-funds-title = Funds
admin-funds-text = Pots of money with a purpose, filled by mentors' contributions.
admin-funds-empty = No funds yet.
admin-fund-new = New fund
admin-fund-edit-title = Edit fund
field-fund-name = Name
field-fund-purpose = Purpose
field-face-value = Value of one voucher (optional)
hint-face-value = For amounts given as open credit: each full value becomes one voucher; the rest stays in the fund.
field-fund-event = Earmarked for an event
field-fund-partner = Earmarked for a partner
field-fund-circuit = Earmarked for a circuit (places are the whole path)
field-fund-public = Show what it made possible on its public page
field-fund-open = Open to contributions
# Option of a drop-down list meaning “no choice”.
option-none = None
# What a fund pays for (column of the funds list).
fund-scope-general = Anything
fund-scope-event = One event
fund-scope-circuit = One circuit
fund-scope-partner = One partner
fund-state-open = Open
fund-state-closed = Closed
column-currency = Currency
column-scope = For
column-amount = Amount
column-mentor = Mentor
column-provider = Payment
action-view = View
admin-contributions-title = Contributions
admin-contributions-text = Payments from mentors; record bank transfers when they arrive.
admin-contributions-empty = No contributions yet.
action-record-transfer = Record the transfer
admin-transfer-title = Record a bank transfer
# $reference is the payment reference (MNT-…), $amount the amount expected with its currency.
admin-transfer-intro = Contribution { $reference }: { $amount } expected.
# $currency is a currency code such as EUR.
field-received-amount = Amount received ({ $currency })
field-bank-reference = Bank reference of the transfer
admin-transfer-recorded = Transfer recorded: the contribution is paid and its vouchers are issued.
admin-transfer-already = This contribution was already paid: nothing changed.
action-refund = Refund
admin-refund-title = Refund a contribution
# $reference payment reference; $amount paid; $refunded already given back; $refundable what
# can still go back (loose value in the fund and vouchers nobody holds yet).
admin-refund-intro = Contribution { $reference }: { $amount } paid, { $refunded } refunded so far. { $refundable } can go back to the mentor now; vouchers already given to someone stay valid.
# Asked for contributions paid by bank transfer: the admin sends the money back first.
field-refund-bank-reference = Reference of the transfer you sent back
# $amount is what was refunded now, with its currency.
admin-refund-done = Refunded { $amount }.

## A contribution's vouchers, for admins (/admin/contributions/ID/vouchers).

action-vouchers = Vouchers
admin-vouchers-title = A contribution's vouchers
# $reference is the contribution's number, such as MNT-000042.
admin-vouchers-intro = The vouchers of contribution { $reference }. A voucher nobody has used yet can be cancelled: its value goes back to the fund.
admin-vouchers-empty = This contribution has no vouchers.
admin-voucher-partner = Partner
admin-voucher-expires = Valid until
action-cancel-voucher = Cancel
admin-voucher-cancelled = The voucher is cancelled and its value is back in the fund.
action-allocate = Give to the partner
field-allocate-partner = Partner association
admin-allocate-intro = Vouchers that no partner holds yet wait here. Give them to a partner association, which will choose who receives them.
# $count is how many vouchers were given to the partner.
admin-vouchers-allocated = { $count ->
        [one] One voucher is now with the partner.
       *[other] { $count } vouchers are now with the partner.
    }
# Admin list of contributions: the mentor asked for unused value back and it must be sent by
# bank transfer; $amount is a formatted amount.
contribution-refund-owed = Paid · refund owed: { $amount }

## Circuits (admin): composing integrated paths of events, step by step.

admin-circuits-title = Circuits
admin-circuits-text = Paths that chain courses and cultural events into steps, with a certificate at the end.
admin-circuits-intro = A circuit is a path of steps; each step offers one or more events, and the beneficiary picks one session. Publishing freezes a version: vouchers keep the version they were issued with.
admin-circuits-empty = No circuits yet.
admin-circuit-new = New circuit
admin-circuit-edit = Circuit settings and texts
admin-circuit-steps-title = Steps of the circuit
# $title: the circuit's title; $value: the value of one place (sum of the steps' prices); $status: one of circuit-status-*.
admin-circuit-steps-intro = { $title }: { $status }. Value of one place: { $value }.
admin-circuit-no-steps = This circuit has no steps yet: add the first one below.
admin-circuit-step-hint = Tick the events this step offers (one or more); the price of a step is that of its dearest event.
# $position: the number of the step just added.
admin-step-added = Step { $position } added.
admin-steps-saved = Steps saved.
# $version: the version number now shown to the public.
admin-circuit-published = Published: version { $version } is the one shown and sponsored.
admin-circuit-unpublished = The circuit is no longer shown. Vouchers already issued keep their version.
# $position: a step number; $problem: an error message.
admin-step-problem = Step { $position }: { $problem }
circuit-status-draft = Draft
circuit-status-published = Published
circuit-status-unpublished = Not shown
column-circuit-version = Version
column-step = Step
column-step-events = Events
column-step-price = Price of a place
action-circuit-steps = Steps
action-add-step = Add a step
# The buttons on each row of the steps table; $position: the step's number, for screen readers.
action-step-up = Move step { $position } up
action-step-down = Move step { $position } down
action-step-remove = Remove step { $position }
action-publish = Publish
action-unpublish = Stop showing
field-circuit-order = Order of the steps
circuit-order-strict = In order: each step after the previous one
circuit-order-any = In any order
field-circuit-completion = Steps to complete
hint-circuit-completion = Leave empty for all steps.
field-circuit-valid-from = Valid from
field-circuit-valid-until = Valid until
field-step-events = Events of this step

# Drag and drop of the steps: a changed page or a stale list sends an order that is not the circuit's steps.
admin-steps-order-invalid = The new order does not match the circuit's steps (perhaps someone changed them meanwhile): nothing was moved. Reload the page and try again.
# Above the steps table, when the browser can drag rows.
admin-steps-drag-hint = Drag a row to move a step, or use its buttons.
action-circuit-stats = Figures
admin-circuit-stats-title = Figures of the circuit
# $title: the circuit; $enrolled: beneficiaries holding a voucher for it; $completed: certificates issued; $rate: completed ÷ enrolled as a percentage, or a dash.
admin-circuit-stats-intro =
    { $title }: { $enrolled ->
        [one] one beneficiary enrolled
       *[other] { $enrolled } beneficiaries enrolled
    } · completed: { $completed } ({ $rate }).
# Figures table: reservations made for a step.
column-reserved = Reserved
# Figures table: people admitted at the door for a step.
column-attended = Attended
# Figures table: share of those who reached the previous step (or enrolled, for the first) who did not attend this one.
column-drop-off = Drop-off
# A share shown as a percentage; $value is a number formatted as a percentage.
stats-share = { $value }
