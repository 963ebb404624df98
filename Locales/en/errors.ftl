# Mentore · errors · en

## Error messages: error pages and form field errors. Say what is wrong and, where possible, what to
## do.

error-title = Something went wrong
error-back-home = Back to the home page
error-required = This field is required.
error-too-long = This text is too long.
error-control-character = This text contains a character that is not allowed here, such as a line break in a one-line field.
error-too-short = This text is too short.
error-invalid-email = This e-mail address is not valid.
error-invalid-value = This value is not valid.
error-invalid-date = This date is not valid.
error-end-before-start = The end must come after the start.
error-negative = The value cannot be negative.
error-email-taken = An account with this address already exists.
# An organisation with a very similar name already exists.
error-slug-taken = This name is already in use.
error-wrong-credentials = Wrong e-mail or password.
# Too many failed log-ins or requests in a short time.
error-rate-limited = Too many attempts. Try again in a few minutes.
error-token-invalid = This link is not valid or has expired.
error-not-found = Page not found.
error-forbidden = You do not have access to this page.
error-unauthenticated = Log in to continue.
# The page was open too long (its security token expired).
error-csrf = The form has expired. Reload the page and try again.
# Shown when the same action is sent twice (e.g. a double click).
error-conflict = This has already been done.
error-password-mismatch = The two passwords do not match.
error-unknown-time-zone = Unknown time zone.
error-unknown-currency = Currency not supported.
error-already-member = This person is already a member.
# An organisation always keeps at least one manager.
error-last-manager = The last manager cannot be removed.
error-last-coordinator = The last coordinator cannot be removed.
error-bad-request = The request is not valid.
error-server = Internal error. Try again later.
error-fund-closed = This fund is closed: it no longer accepts contributions.
error-currency-mismatch = The currency differs from the fund's.
error-amount-too-large = This is above the limit for one contribution.
error-amount-too-small = The amount must be more than zero.
error-too-many-places = Too many places for one contribution.
# The same form or API request was sent again with different content.
error-amount-mismatch = The amount received differs from the amount of the contribution.
error-payment-unavailable = This way of paying is not available.
error-provider-unreachable = The payment service did not answer: nothing was charged. Please try again in a few minutes.
error-signature-invalid = The signature of this notification is missing, wrong or too old.
error-nothing-to-refund = Nothing of this contribution is left to refund.
error-refund-under-way = Another refund of this contribution is under way. Try again in a minute.
error-csv-malformed = This file is not valid CSV: a quotation mark is not closed, or text follows a closing one.
error-csv-empty = The file holds no one: after the line with the column names, write one person a line.
error-csv-header = Unknown or repeated column name: the names to use are given beside the file field.
error-csv-too-large = Too many rows: upload at most 500 people at a time.
error-csv-columns = This row has more or fewer fields than the line with the column names.
error-duplicate-row = This person is already in an earlier row.
error-not-enough-vouchers = There are not enough unused vouchers for everyone in the list.
error-nothing-to-allocate = Every voucher of this contribution is already with a partner, or in use.
error-voucher-unknown = There is no voucher with this code.
error-voucher-typo = This code has a typing mistake: check it letter by letter.
error-voucher-malformed = This is not a voucher code: it has five groups of four letters and digits.
error-voucher-taken = This voucher has already been given to someone.
error-voucher-in-use = This voucher is in use or finished: it can no longer be taken back.
error-too-many-tokens = You have as many API tokens as one account may hold: revoke one you no longer use first.
error-idempotency-key-required = Write requests need an “Idempotency-Key” header: 8 to 100 letters, digits, “-” or “_”, new for each request.
error-idempotency-in-progress = A request with this Idempotency-Key is still being processed. Try again in a moment.
error-idempotency-mismatch = This was already used for a different request (the same form, or the same Idempotency-Key with other details). Reload the page, or use a new key, and try again.
error-method-not-allowed = This address does not accept this method.
error-unknown-parameter = This request has a parameter the operation does not take.
error-circuit-no-steps = A circuit needs at least one step before it can be published.
error-step-without-session = This step offers no event with a session still to come.
error-completion-too-large = The number of steps to complete must be between one and the number of steps.
error-not-in-circuit = This event is not a step of the circuit.
error-step-done = This step has already been attended.
error-step-reserved = A session is already reserved for this step: change that reservation instead.
error-prerequisite-missing = The steps before this one come first: attend or reserve them, for earlier dates.
error-session-full = This session is full: choose another date.
error-reservation-closed = Reservations for this session are closed: it begins soon or has already begun.
error-not-for-voucher = This voucher does not pay for that event.
error-voucher-not-nominated = This voucher has not been given to anyone yet, or was taken back: ask the association that gave it to you.
error-voucher-expired = This voucher has expired.
error-voucher-cancelled = This voucher was cancelled.
error-voucher-completed = Every step this voucher pays for has been attended.
error-outside-validity = This session falls outside the period in which the voucher can be used.
error-reservation-needed = A later step's reservation depends on this one: change or cancel that one first.
error-reservation-missing = There is no reservation for this session.
error-already-redeemed = This step has already been admitted with this voucher.
error-certificate-unknown = No certificate has this code. Check it letter by letter: a certificate that is not here is not genuine.
error-wrong-organizer = This session belongs to another organizer: it cannot be checked in here.
error-session-not-today = This session is not today: admissions happen on the day.
error-void-too-late = An admission can be undone only within 15 minutes.
error-void-not-possible = This admission can no longer be undone: its fund has already used the value since.
error-nonce-reused = This scan's nonce was already used for a different request.
error-device-unknown = This device is not recognised, or its access was revoked.
error-session-has-reservations = People have reserved or attended this date: it cannot be deleted. Add another date instead, and tell them.
error-period-open = This period is not over yet: its admissions may still change. Choose a last day before today.
error-period-too-long = A settlement covers at most a year.
error-settlement-overlaps = This organizer already has a settlement for part of this period. Start after its last day.
error-settlement-empty = Nothing to settle in this period: no admission is waiting, and nothing undone is to be deducted.
error-token-malformed = This is not a voucher's signed code: scan the voucher's QR code again.
error-token-unknown-key = This voucher's signed code comes from an unknown key: it is not a Mentore voucher, or an old one. Type the voucher's code instead.
error-token-tampered = This voucher's signed code has been altered: do not admit. Type the printed code to check it.
error-token-expired = This voucher has expired.
error-token-not-yet-valid = This voucher is not valid yet.
error-scan-time-invalid = The time of the scan is in the future or more than a week ago: check the device's clock.
