# Mentore · door · en

## Organizers: dashboard, the door list and the application form.

dashboard-organizer-title = Organizer dashboard
# $venues and $events are numbers of venues and events.
dashboard-organizer-summary = Venues: { $venues } · Events: { $events }
dashboard-door-title = Door
# Door page: the list of sessions starting soon at the organizer's venues.
door-intro = Today's dates at your venues.
door-empty = No dates in the next 24 hours.
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
