# Mentore · door · sq

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Faqja e organizatorit
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Vendndodhje: { $venues } · Ngjarje: { $events }
dashboard-door-title = Hyrja
# Door page: the list of sessions starting soon at the organizer’s venues.
door-intro = Datat e dy javëve të ardhshme në vendndodhjet tuaja, duke nisur nga më e afërta.
door-empty = Asnjë datë në dy javët e ardhshme.
apply-title = Aplikoni si organizator
# Organizer application form; an admin reads it and answers by e-mail.
apply-intro = Na tregoni për organizatën tuaj: një administrator do ta shqyrtojë aplikimin dhe do t’ju shkruajë.
apply-submit = Dërgo aplikimin
apply-received = Aplikimi u mor. Do t’ju shkruajmë sapo të shqyrtohet.
field-organization-name = Emri i organizatës
# Description of the organisation (organizer application).
field-organization-description = Përshkrimi
field-contact-email = E-maili i kontaktit
field-city = Qyteti
# Door page: sessions of the next two weeks; $reserved and $capacity are numbers.
door-places = Vende të rezervuara: { $reserved } nga { $capacity }
door-expected = Kush pritet
door-session-title = Kush pritet
# $title: the event; $date: when the session starts; $venue: where; the numbers: admitted, reserved and places.
door-session-intro = { $title }, { $date }, { $venue }. Të pranuar: { $admitted } · të rezervuar: { $reserved } · vende: { $capacity }.
door-session-empty = Askush nuk e ka rezervuar ende këtë datë.
door-back = Të gjitha datat
# The voucher is for this event only, not for a circuit.
door-single-event = Vetëm kjo ngjarje
# $circuit: the circuit’s title; $position: the step’s number; $steps: how many steps it has.
door-circuit-step = { $circuit }, hapi { $position } nga { $steps }
door-status-ready = Mund të hyjë
# $time: when the person was admitted.
door-status-admitted = U pranua në orën { $time }
column-participant = Emri
column-circuit-step = Rrugëtimi dhe hapi
column-reserved-at = Rezervuar më
column-door-status = Në hyrje
# Scanner: the answer when the person may come in; $holder: the name or alias the partner nominated (check it is them).
door-answer-admitted = U pranua: { $holder }.
# Scanner: this step was already admitted; $date: when; $door: the device or person at the door; $by: who admitted.
door-answer-already-used = Përdorur tashmë më { $date } te { $door } ({ $by }).
door-scan = Skano
door-scan-title = Skaneri
# $admitted, $reserved, $capacity: numbers for this session.
door-counter = Të pranuar { $admitted } · të rezervuar { $reserved } · vende { $capacity }
door-code-label = Kodi i vauçerit ose kodi QR
door-code-hint = Skanoni kodin QR ose shkruani kodin, pastaj shtypni Enter.
door-admit = Prano
door-result-admitted = U pranua
door-result-already = Përdorur tashmë
door-result-refused = Nuk u pranua
door-undo = Anulo këtë hyrje
door-undo-reason = Arsyeja e anulimit
door-undone = Hyrja u anulua: hapi është sërish i hapur.
door-recent = Skanimet e fundit
door-recent-empty = Ende asnjë hyrje.
# $door: the device or person who admitted.
door-recent-admitted = u pranua ({ $door })
# $reason: why the admission was undone.
door-recent-undone = u anulua: { $reason }
devices-title = Pajisjet e skanimit
# $organizer: the organizer’s name.
devices-intro = Telefona, tabletë dhe kioska që regjistrojnë hyrjet në datat e organizatës { $organizer } përmes API-së së skanerit. Secila ka tokenin e vet; revokoni tokenin e një pajisjeje të humbur.
devices-empty = Ende asnjë pajisje.
devices-create = Shto një pajisje
field-device-label = Emri i pajisjes
hint-device-label = Ku përdoret, p.sh. «Hyrja kryesore, tableti».
column-device-label = Pajisja
# $label: the new device’s name.
devices-new-label = Tokeni për «{ $label }»
devices-new-hint = Kopjojeni tani në pajisje: shfaqet vetëm një herë. Kushdo që e ka mund të regjistrojë hyrje në datat tuaja.
devices-revoked = Pajisja u revokua: tokeni i saj nuk funksionon më.
# Voucher page opened by door staff; $event: the event’s title; $time: when the session starts today.
door-admit-at = Prano në { $event } ({ $time })
# Scanner page, under its title: the event, when the session starts, the venue.
door-scan-session = { $title } · { $date } · { $venue }
# The scanner as an installable app (its manifest).
door-app-name = Mentore: skaneri në hyrje
door-app-short-name = Hyrja
# Offline scanner answers; $holder: the name or alias the partner nominated.
door-offline-admitted = U pranua (pa rrjet): { $holder }. Do të dërgohet kur të kthehet rrjeti.
door-offline-already = Hyrja është regjistruar tashmë: { $holder }.
door-offline-not-listed = Nuk është në listën e kësaj date. Pa rrjet mund të pranohen vetëm vauçerët e rezervuar për të.
door-offline-banner = Nuk ka rrjet: skanimet mbahen në këtë pajisje dhe dërgohen kur të kthehet.
door-offline-queued = Mbajtur në këtë pajisje, për t’u dërguar.
door-offline-sync-failed = Skanimet e mbajtura në këtë pajisje nuk u dërguan ende; do të provohet përsëri.
# After a sync; $count: how many scans kept offline were admitted by the server.
door-offline-synced =
    { $count ->
        [one] U dërgua: u regjistrua { $count } hyrje.
       *[other] U dërguan: u regjistruan { $count } hyrje.
    }
# A voucher this device admitted offline had already been admitted by another device.
door-offline-conflict = { $holder } ishte pranuar tashmë nga një pajisje tjetër: paguhet një herë, i njoftohet organizatorit.
# On the expected list; $count: conflicts found at sync; $holders: their names.
door-conflicts-notice = { $count ->
        [one] Një vauçer u pranua nga dy pajisje pa rrjet ({ $holders }): paguhet një herë. Kontrolloni kush hyri.
       *[other] { $count } vauçerë u pranuan nga dy pajisje pa rrjet ({ $holders }): secili paguhet një herë. Kontrolloni kush hyri.
    }
