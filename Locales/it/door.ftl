# Mentore · door · it

dashboard-organizer-title = Area organizzatore
dashboard-organizer-summary = Sedi: { $venues } · Eventi: { $events }
dashboard-door-title = Ingresso
door-intro = Le date di oggi nelle tue sedi.
door-empty = Nessuna data nelle prossime 24 ore.
apply-title = Candidati come organizzatore
apply-intro = Raccontaci la tua organizzazione: un amministratore esaminerà la candidatura e ti scriverà.
apply-submit = Invia la candidatura
apply-received = Candidatura ricevuta. Ti scriveremo appena sarà esaminata.
field-organization-name = Nome dell'organizzazione
field-organization-description = Descrizione
field-contact-email = E-mail di contatto
field-city = Città
