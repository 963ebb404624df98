# Mentore · mentor · en

## Mentor dashboard: the people who fund places.

dashboard-mentor-title = Mentor dashboard
dashboard-mentor-events-title = Events to support
dashboard-mentor-events-text = The next courses and events where you can fund places.

## Funds and contributions: the public fund pages (/funds), the contribution form and a
## mentor's page for one contribution. A Fund is a pot of money with a purpose; a
## contribution is a mentor's payment into it; vouchers pay for beneficiaries' places.

funds-title = Funds
funds-intro = Choose what to support: each fund pays for the places of people who could not afford them.
funds-empty = No fund is open at the moment.
# Heading above the counts of what a fund paid for.
fund-impact-title = What this fund has made possible
# $count is a number of paid contributions.
fund-impact-contributions = { $count ->
        [one] One contribution
       *[other] { $count } contributions
    }
# $count is a number of vouchers (one voucher pays for one place).
fund-impact-vouchers = { $count ->
        [one] One place funded
       *[other] { $count } places funded
    }
# $amount is a sum of money, already formatted with its currency.
fund-impact-raised = Raised: { $amount }
# Followed by a link to the event the fund pays for.
fund-for-event = This fund pays for places at:
fund-face-value = Value of one voucher
fund-contribute-title = Contribute
fund-login-to-contribute = Log in or sign up to contribute: it takes a minute.
# Shown on every page that involves payments while the demonstration provider is on.
demo-mode-note = Demonstration: payments here are not real and no money moves.
field-contribution-kind = What you give
contribution-kind-places = Sponsor places
contribution-kind-amount = Give an amount
field-places = Number of places
# $price is the price of one place today, formatted with its currency.
hint-places = One place costs { $price } today; that price is kept for your contribution.
# $currency is a currency code such as EUR or ALL.
field-amount = Amount ({ $currency })
field-dedication = Dedication (optional)
hint-dedication = A line shown with your contribution, for example “In memory of my grandmother”.
field-anonymous = Stay anonymous
# What happens to the value of a place nobody uses before the voucher expires.
field-unused-rule = If a place goes unused
unused-rule-reallocate = Give it to the next person on the waiting list
unused-rule-return_to_fund = Leave it in the fund
unused-rule-refund = Refund it to me
field-provider = How you pay
provider-bank-transfer = Bank transfer
provider-demo = Demonstration (no real money)
provider-stripe = Card (Stripe)
contribution-submit = Contribute
# $number is the receipt number of the contribution.
contribution-title = Contribution no. { $number }
contribution-status = Status
contribution-amount = Amount
contribution-status-pending = Waiting for payment
contribution-status-paid = Paid
contribution-status-refunded = Refunded
contribution-status-failed = Payment failed
contribution-status-cancelled = Cancelled
# $amount is the amount with its currency; $reference the payment reference (MNT-…) that
# must appear in the transfer's description.
contribution-transfer-instructions = Transfer { $amount } to the account below and write { $reference } in the description. The vouchers are issued as soon as the money arrives.
bank-holder = Account holder
bank-iban = IBAN
bank-bic = BIC
bank-reference = Payment reference
# $count is the number of vouchers (places) the contribution paid for.
contribution-vouchers = { $count ->
        [0] No voucher issued yet: the amount stays in the fund until there is enough for a place.
        [one] One voucher issued: a partner association will give it to someone who needs it.
       *[other] { $count } vouchers issued: a partner association will give them to people who need them.
    }
contribution-demo = Paid in demonstration mode: no money moved.
# Shown while a card contribution waits for Stripe's confirmation.
contribution-card-waiting = The card payment is not finished yet.
contribution-card-pay = Go to the card payment
# Shown when the mentor comes back from Stripe's page, before Stripe's confirmation arrives.
contribution-card-confirming = Thank you: the payment is being confirmed. The vouchers are issued as soon as the card company confirms it; reload this page in a moment.
contribution-refunded = Refunded
# The line item on Stripe's payment page. $fund is the fund's name; $count the places.
checkout-product-places = { $count ->
        [one] One place — { $fund }
       *[other] { $count } places — { $fund }
    }
checkout-product-amount = Contribution — { $fund }
mentor-contributions-title = Your contributions
mentor-contributions-text = What you gave and what it made possible.
mentor-contributions-empty = No contributions yet: choose a fund to start.
# One line per contribution: $number receipt number, $amount with currency, $status one of
# contribution-status-*.
mentor-contribution-line = No. { $number }: { $amount } ({ $status })

## A voucher opened by its code (/v and /v/CODE), and the printed voucher. Read by
## beneficiaries, often on a phone: short, plain words.

voucher-entry-title = Open a voucher
voucher-entry-intro = Type the code printed on your voucher, or scan its QR code with your phone's camera.
field-voucher-code = Voucher code
# The code has five groups of four letters and digits.
hint-voucher-code = For example 7KQ3-M9TX-4ABC-DEFG-HJKM; capitals and dashes do not matter.
voucher-open = Open
voucher-title = Your voucher
# Accessible name of the QR code picture.
voucher-qr-label = QR code of the voucher
voucher-value = Value
voucher-valid-until = Valid until
# Label before what the voucher pays for (an event's title, or voucher-scope-credit).
voucher-for = For
voucher-scope-credit = A place at a course or event of your choice
voucher-status-issued = Ready to be given to someone
voucher-status-nominated = Ready to use
voucher-status-in_use = In use
voucher-status-completed = Used
voucher-status-expired = Expired
voucher-status-cancelled = Cancelled
voucher-print-a6 = Print (card, A6)
voucher-print-a4 = Print (sheet, A4)
voucher-print-how = Show this voucher at the entrance, on paper or on your phone. Keep the code to yourself: whoever has it can use it.

## What a mentor's money made possible (/mentor/impact): counts and sums only, never who.

impact-title = What your contributions made possible
impact-intro = Counted from the vouchers your contributions paid for. Out of respect for the people who received them, you see numbers only, never names.
impact-totals-title = In total
impact-contributions-title = Contribution by contribution
impact-events-title = By event and venue
impact-given = Given
impact-places = Places funded
impact-nominated = Given to people
impact-attended = Attended
impact-circuits = Circuits completed
impact-redeemed = Used
impact-outstanding = Still to use
impact-expired = Expired
# Value of expired vouchers that went on to the next person on a waiting list.
impact-reallocated = Passed on
impact-date = Date
impact-event = Event
impact-venue = Venue

## A contribution's receipt (/contributions/ID/receipt), printable.

# $number is the receipt number, such as MNT-000042.
receipt-title = Receipt { $number }
action-receipt = Receipt
receipt-number = Receipt number
receipt-date = Paid on
receipt-from = Received from
receipt-fund = For the fund
receipt-method = Paid by
receipt-vouchers = Vouchers
# $count is how many vouchers the contribution paid for.
receipt-vouchers-count = { $count ->
        [one] One voucher issued
       *[other] { $count } vouchers issued
    }
receipt-statement = Mentore confirms that it received this contribution and that it pays only for the places of the people who attend, as recorded in its ledger.
receipt-demo = Demonstration: no money was received. This receipt has no value.
receipt-print-hint = To keep a paper copy, print this page from your browser: only the receipt is printed.
receipt-back = Back to the contribution

## The beneficiary's journey on the voucher page
journey-title = Your path
journey-state-done = attended
journey-state-reserved = reserved
journey-state-open = to book
journey-state-locked = after the previous step
# $date: when the session attended began.
journey-attended = Attended on { $date }.
journey-full = Full
journey-seats = { $count ->
    [one] One place left
   *[other] { $count } places left
}
# $done: steps attended; $required: steps that complete the path.
journey-progress = Steps attended: { $done } of { $required }
# $position: the number of the step to do next.
journey-next = Next: step { $position }
journey-certificate = Your certificate
journey-calendar = Add to calendar
journey-cancel = Cancel reservation
journey-change = Change date
journey-choose = Choose a date
journey-move-here = Move here
journey-reserve = Book this date
journey-done-reserved = Your place is booked. Show the QR code at the entrance.
journey-done-cancelled = The reservation is cancelled: the place is free for someone else.
journey-calendar-note = Show the QR code of your voucher at the entrance.

## Certificates
certificate-title = Certificate
# $hours: hours of attendance (a number, maybe with decimals).
certificate-hours = { $hours ->
    [one] 1 hour
   *[other] { $hours } hours
}
certificate-qr-label = QR code to verify the certificate
# $holder: the name or alias of the person; $circuit: the title of the path.
certificate-awarded-to = This certificate is awarded to { $holder } for completing the path { $circuit }.
certificate-steps = Steps attended
certificate-column-step = Step
certificate-column-date = Date
certificate-column-place = Place
certificate-column-hours = Hours
certificate-issued-by = Issued by
certificate-issued-on = Issued on
certificate-code = Verification code
certificate-verify-at = Anyone can check this certificate at
certificate-credential = Digital credential (Open Badges 3.0)
certificate-entry-title = Check a certificate
certificate-entry-intro = Type the verification code printed on the certificate.
field-certificate-code = Verification code
hint-certificate-code = 20 letters and digits; spaces and dashes do not matter.
certificate-check = Check
certificate-check-title = Certificate check
certificate-genuine = This certificate is genuine: Mentore issued it.
certificate-holder = Awarded to
certificate-circuit = Path
impact-circuits-title = By circuit
impact-circuit = Circuit
