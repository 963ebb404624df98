# Mentore · door · it

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Area organizzatore
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Sedi: { $venues } · Eventi: { $events }
dashboard-door-title = Ingresso
# Door page: the list of sessions starting soon at the organizer's venues.
door-intro = Le date di oggi nelle tue sedi.
door-empty = Nessuna data nelle prossime 24 ore.
apply-title = Candidati come organizzatore
# Organizer application form; an admin reads it and answers by e-mail.
apply-intro = Raccontaci la tua organizzazione: un amministratore esaminerà la candidatura e ti scriverà.
apply-submit = Invia la candidatura
apply-received = Candidatura ricevuta. Ti scriveremo appena sarà esaminata.
field-organization-name = Nome dell'organizzazione
# Description of the organisation (organizer application).
field-organization-description = Descrizione
field-contact-email = E-mail di contatto
field-city = Città
