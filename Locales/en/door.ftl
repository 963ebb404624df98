# Mentore · door · en

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Organizer dashboard
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Venues: { $venues } · Events: { $events }
dashboard-door-title = Door
# Door page: the list of sessions starting soon at the organizer's venues.
door-intro = Dates at your venues in the next two weeks, the nearest first.
door-empty = No dates in the next two weeks.
apply-title = Apply as an organizer
# Organizer application form; an admin reads it and answers by e-mail.
apply-intro = Tell us about your organisation: an administrator will review the application and write to you.
apply-submit = Send the application
apply-received = Application received. We will write to you as soon as it is reviewed.
field-organization-name = Organisation name
# Description of the organisation (organizer application).
field-organization-description = Description
field-contact-email = Contact e-mail
field-city = City
# Door page: sessions of the next two weeks; $reserved and $capacity are numbers.
door-places = Reserved: { $reserved } of { $capacity }
door-expected = Who is expected
door-session-title = Who is expected
# $title: the event; $date: when the session starts; $venue: where; the numbers: admitted, reserved and places.
door-session-intro = { $title }, { $date }, { $venue }. Admitted: { $admitted } · reserved: { $reserved } · places: { $capacity }.
door-session-empty = Nobody has reserved this date yet.
door-back = All dates
# The voucher is for this event only, not for a circuit.
door-single-event = This event only
# $circuit: the circuit's title; $position: the step's number; $steps: how many steps it has.
door-circuit-step = { $circuit }, step { $position } of { $steps }
door-status-ready = Can be admitted
# $time: when the person was admitted.
door-status-admitted = Admitted at { $time }
column-participant = Name
column-circuit-step = Circuit and step
column-reserved-at = Reserved on
column-door-status = At the door
# Scanner: the answer when the person may come in; $holder: the name or alias the partner nominated (check it is them).
door-answer-admitted = Admitted: { $holder }.
# Scanner: this step was already admitted; $date: when; $door: the device or person at the door; $by: who admitted.
door-answer-already-used = Already used on { $date } at { $door } ({ $by }).
door-scan = Scan
door-scan-title = Scanner
# $admitted, $reserved, $capacity: numbers for this session.
door-counter = Admitted { $admitted } · reserved { $reserved } · places { $capacity }
door-code-label = Voucher code or QR
door-code-hint = Scan the QR code or type the code, then press Enter.
door-admit = Admit
door-result-admitted = Admitted
door-result-already = Already used
door-result-refused = Not admitted
door-undo = Undo this admission
door-undo-reason = Reason for undoing
door-undone = The admission was undone: the step is open again.
door-recent = Recent scans
door-recent-empty = No admissions yet.
# $door: the device or person who admitted.
door-recent-admitted = admitted ({ $door })
# $reason: why the admission was undone.
door-recent-undone = undone: { $reason }
devices-title = Scanning devices
# $organizer: the organizer's name.
devices-intro = Phones, tablets and kiosks that admit at { $organizer }'s sessions through the scanner API. Each has its own token; revoke one that is lost.
devices-empty = No devices yet.
devices-create = Add a device
field-device-label = Name of the device
hint-device-label = Where it is used, e.g. “Main entrance, tablet”.
column-device-label = Device
# $label: the new device's name.
devices-new-label = The token of “{ $label }”
devices-new-hint = Copy it into the device now: it is shown only once. Anyone holding it can admit at your sessions.
devices-revoked = The device was revoked: its token no longer works.
# Voucher page opened by door staff; $event: the event's title; $time: when the session starts today.
door-admit-at = Admit to { $event } ({ $time })
# Scanner page, under its title: the event, when the session starts, the venue.
door-scan-session = { $title } · { $date } · { $venue }
# The scanner as an installable app (its manifest).
door-app-name = Mentore door scanner
door-app-short-name = Door
# Offline scanner answers; $holder: the name or alias the partner nominated.
door-offline-admitted = Admitted (offline): { $holder }. It will be sent when the network returns.
door-offline-already = Already admitted: { $holder }.
door-offline-not-listed = Not on this date's list. Without a network only the vouchers reserved for it can be admitted.
door-offline-banner = No network: scans are kept on this device and sent when it returns.
door-offline-queued = Kept on this device, to be sent.
door-offline-sync-failed = The scans kept on this device could not be sent yet; they will be tried again.
# After a sync; $count: how many scans kept offline were admitted by the server.
door-offline-synced = { $count ->
        [one] Sent: { $count } admission recorded.
       *[other] Sent: { $count } admissions recorded.
    }
# A voucher this device admitted offline had already been admitted by another device.
door-offline-conflict = { $holder } had already been admitted by another device: charged once, reported to the organizer.
# On the expected list; $count: conflicts found at sync; $holders: their names.
door-conflicts-notice = { $count ->
        [one] One voucher was admitted by two devices while offline ({ $holders }): it is charged once. Check who came in.
       *[other] { $count } vouchers were admitted by two devices while offline ({ $holders }): each is charged once. Check who came in.
    }
