# Mentore · door · sq

dashboard-organizer-title = Faqja e organizatorit
dashboard-organizer-summary = Vende: { $venues } · Ngjarje: { $events }
dashboard-door-title = Hyrja
door-intro = Datat e sotme në vendet tuaja.
door-empty = Asnjë datë në 24 orët e ardhshme.
apply-title = Aplikoni si organizator
apply-intro = Na tregoni për organizatën tuaj: një administrator do ta shqyrtojë aplikimin dhe do t'ju shkruajë.
apply-submit = Dërgo aplikimin
apply-received = Aplikimi u mor. Do t'ju shkruajmë sapo të shqyrtohet.
field-organization-name = Emri i organizatës
field-organization-description = Përshkrimi
field-contact-email = Email-i i kontaktit
field-city = Qyteti
