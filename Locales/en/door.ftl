# Mentore · door · en

dashboard-organizer-title = Organizer dashboard
dashboard-organizer-summary = Venues: { $venues } · Events: { $events }
dashboard-door-title = Door
door-intro = Today's dates at your venues.
door-empty = No dates in the next 24 hours.
apply-title = Apply as an organizer
apply-intro = Tell us about your organisation: an administrator will review the application and write to you.
apply-submit = Send the application
apply-received = Application received. We will write to you as soon as it is reviewed.
field-organization-name = Organisation name
field-organization-description = Description
field-contact-email = Contact e-mail
field-city = City
