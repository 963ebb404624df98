# Mentore · door · sq

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Faqja e organizatorit
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Vende: { $venues } · Ngjarje: { $events }
dashboard-door-title = Hyrja
# Door page: the list of sessions starting soon at the organizer's venues.
door-intro = Datat e sotme në vendet tuaja.
door-empty = Asnjë datë në 24 orët e ardhshme.
apply-title = Aplikoni si organizator
# Organizer application form; an admin reads it and answers by e-mail.
apply-intro = Na tregoni për organizatën tuaj: një administrator do ta shqyrtojë aplikimin dhe do t'ju shkruajë.
apply-submit = Dërgo aplikimin
apply-received = Aplikimi u mor. Do t'ju shkruajmë sapo të shqyrtohet.
field-organization-name = Emri i organizatës
# Description of the organisation (organizer application).
field-organization-description = Përshkrimi
field-contact-email = Email-i i kontaktit
field-city = Qyteti
