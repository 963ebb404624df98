# Mentore · common · en

## Site-wide: header, navigation and footer on every page.

# The platform's name; do not translate.
brand = Mentore
# Hidden link for keyboard and screen-reader users, shown on focus; jumps past the menu.
skip-to-content = Skip to content
# Accessible name of the main navigation (read by screen readers, not shown).
nav-label = Main menu
# Menu link to the catalog of courses and events.
nav-events = Events
# Menu link to the signed-in person's own dashboard.
nav-dashboard = My dashboard
# Menu link to the administration pages (admins only).
nav-admin = Administration
nav-login = Log in
nav-signup = Sign up
nav-logout = Log out
# Menu link for door staff: the list of today's dates to check people in.
nav-door = Door

## Language menu. language-self-* name each language in itself and never change; language-name-*
## name a language in the reader's language.

# Label of the language menu.
language-switcher = Language
language-self-it = Italiano
language-self-sq = Shqip
language-self-en = English
language-name-it = Italian
language-name-sq = Albanian
language-name-en = English
# Footer line on every page: what the platform is about, in one sentence.
footer-text = Mentore: cultural support that funds the people who take part, not a sponsor's logo.

## Home page (/). The tone is warm and direct; mentors are mostly diaspora professionals,
## beneficiaries young people and women artisans.

# Main heading of the home page: the idea of the platform in a few words.
home-title = Fund a place, not a logo
home-lead = With Mentore, a mentor pays for a person's place at a course or a cultural event.
# Shkodër is a city in Albania; keep its spelling.
home-explain = Partner associations choose who needs it: young people, women artisans from Shkodër, people in hardship. Organizers welcome the beneficiaries at the door and are paid for every attendance.
home-roles-title = How to take part
home-role-mentor-title = You are a mentor
home-role-mentor-text = Choose a course or an event and fund places for people who could not afford them.
home-role-mentor-action = Become a mentor
home-role-partner-title = You are a partner association
home-role-partner-text = Nominate beneficiaries and hand them their vouchers.
# Button: partners are invited by an admin, so this leads to the log-in page.
home-role-partner-action = Log in as a partner
home-role-organizer-title = You run courses or events
home-role-organizer-text = Publish your events, welcome beneficiaries and get paid for every attendance.
# Button leading to the organizer application form.
home-role-organizer-action = Apply as an organizer
home-upcoming-title = Upcoming events

## Catalog of courses and events (/events) and its filters.

events-title = Courses and events
# $count is how many events match the filters (a number).
events-count = Events found: { $count }
filter-label = Filter events
filter-kind = Kind
filter-city = City
filter-language = Language
filter-from = From
# Filter option meaning no restriction (any kind, any city, any language).
filter-any = Any
# Button that applies the filters.
filter-submit = Filter

## Kinds of event (filter values, labels on event cards).

# A course that teaches a skill (e.g. web marketing, tailoring).
event-kind-training = Training
# Educational activity (e.g. a talk, a guided visit).
event-kind-education = Education
# Cultural event (e.g. an exhibition, a concert).
event-kind-culture = Culture

## Event page (/events/…): details of one course or event.

# Label before the date of the next session.
event-when = Next date
event-where = Where
event-languages = Languages
# Label before the money a mentor pays for one person's place.
event-price = Value of a place
event-organizer = Organizer
# Heading of the list of dates (sessions) of the event.
event-sessions = Dates
# $capacity is the number of places of one date (always 2 or more in practice).
event-seats =
    { $capacity ->
        [one] One place
       *[other] { $capacity } places
    }
# $zone is a time zone name such as Europe/Rome.
event-times-in = Times in the venue's time zone ({ $zone }).
# Status badge: visible in the public catalog.
event-published = Published
# Status badge: not yet visible to the public.
event-draft = Draft
# Shown above a text that is not yet written in the reader's language; $code is the
# language it is shown in instead (it, sq or en).
content-not-translated = Not yet translated: shown in { $code ->
        [it] Italian
        [sq] Albanian
       *[en] English
    }.
# Shown above a text a machine translated (no person has checked it yet).
content-machine-translated = Translated automatically: it may contain mistakes.
# Heading above the directions to the venue.
event-directions = How to get there

## Accounts: sign-up, log-in, password reset.

# Only mentors sign up by themselves; partners and organizers are invited or apply.
signup-title = Sign up as a mentor
signup-intro = Create an account to fund places and follow what you made possible.
signup-submit = Create account
# Link to the log-in page.
signup-have-account = Already have an account? Log in
# Shown after the sign-up form, whether or not the address already has an account (the e-mail says which).
signup-sent = Almost done: open the link we have sent you by e-mail to create your account. If the address already has an account, the e-mail tells you how to log in.
signup-confirm-title = Confirm your account
# $email is the address the account is made for.
signup-confirm-intro = Create the account for { $email }.
signup-confirm-submit = Create my account
login-title = Log in
login-submit = Log in
# Shown when an account had several failed log-ins: the next attempt must wait. $seconds is a whole number.
login-wait =
    { $seconds ->
        [one] Too many attempts: try again in one second.
       *[other] Too many attempts: try again in { $seconds } seconds.
    }
login-forgot = Forgot your password?
# Link to the sign-up page.
login-no-account = No account yet? Sign up
forgot-title = Reset your password
# The link in the e-mail expires after one hour.
forgot-intro = Enter your account's e-mail address: we will send you a link that works for one hour.
forgot-submit = Send the link
# Shown whether or not the address exists, so nobody can probe for accounts.
forgot-sent = If the address belongs to an account, an e-mail with the link is on its way.
reset-title = Choose a new password
reset-submit = Save the password

## Form field labels and hints shared by several forms.

# The name shown to others (not necessarily the legal name).
field-display-name = Display name
field-email = E-mail
field-password = Password
# Password reset form.
field-new-password = New password
# Same password typed a second time, to catch typos.
field-password-confirmation = Repeat the password
field-language = Preferred language
# Role of a member within an organisation (see member-role-*).
field-role = Role
# First, empty option of a drop-down list.
select-placeholder = — Choose —
# Shown after the label of a required field.
field-required-mark = (required)
# $min is the minimum length of a password (a number, 12 or more).
hint-password =
    { $min ->
        [one] At least one character.
       *[other] At least { $min } characters.
    }
# Summary at the top of a form that was sent with mistakes.
form-has-errors = Some fields need correcting: see below.

## Buttons and links acting on a row or a form.

action-save = Save
action-edit = Edit
action-delete = Delete
action-approve = Approve
action-reject = Reject
# Link to the members of an organisation.
action-members = Members
# Link to the dates (sessions) of an event.
action-sessions = Dates

## Table column headers (admin and dashboard tables). Keep them short.

column-name = Name
column-email = E-mail
column-role = Role
column-city = City
column-status = Status
column-address = Address
column-organizer = Organizer
column-time-zone = Time zone
column-title = Title
column-kind = Kind
column-venue = Venue
column-starts = Starts
column-ends = Ends
# Number of places of a date.
column-capacity = Places
# When it happened (audit log, door list).
column-when = When
# Who did it (audit log).
column-who = Who
column-action = Action
# What an audit-log entry is about (an event, a venue, a person…).
column-object = Object
column-detail = Details
column-actions = Actions

## Dashboards and the account page, for signed-in people.

# $name is the person's display name.
dashboard-welcome = Hello, { $name }.
dashboard-account-title = Your account
# Short description under the heading of the account box.
dashboard-account-text = Name and preferred language.
dashboard-account-link = Account settings
account-title = Your account
account-saved = Changes saved.
# Link for a mentor who also runs courses or events.
account-apply-organizer = Do you run courses or events? Apply as an organizer

## Invitation page: someone was invited to join an organisation (partner or organizer).

invitation-title = Invitation
# $organization is an organisation's name, $role one of member-role-* (lower case), $email an e-mail
# address.
invitation-text = You are invited to join { $organization } as { $role } (invitation for { $email }).
# Shown to visitors who are not signed in.
invitation-sign-in = Log in or sign up with that address to accept.
# $email is the invited address; the visitor is signed in with a different one.
invitation-other-account = You are signed in with another address: log out and log in as { $email } to accept.
invitation-accept = Accept the invitation

## Member roles, inserted into sentences as { $role }: write them in lower case, as a noun phrase.

# Partner member who nominates beneficiaries.
member-role-coordinator = coordinator
# Member who manages the organisation and invites colleagues.
member-role-manager = manager
# Member who checks people in at the door of events.
member-role-door = door staff

## Personal API tokens (account page): programs that use the JSON API on the user's behalf.

tokens-title = API tokens
tokens-intro = A token lets a program of yours use Mentore's JSON API as you: it can do what you can do. Send it as “Authorization: Bearer” followed by the token. Revoke a token as soon as you no longer need it.
tokens-empty = You have no API tokens.
tokens-api-document = API description (OpenAPI)
# Label above the newly made token; $label is the name the user gave it.
tokens-new-label = Your new token “{ $label }”:
tokens-new-hint = Copy it now: it is shown only this once. Mentore keeps only a fingerprint of it.
tokens-revoked = The token was revoked: it no longer works.
tokens-never-used = Never
tokens-status-active = Active
tokens-status-revoked = Revoked
action-create-token = Create a token
action-revoke-token = Revoke
field-token-label = Name of the token
hint-token-label = What it is for, e.g. “our association's spreadsheet”.
column-token-label = Name
# Column with the last four characters of a token.
column-token-ends = Ends with
column-created = Created
column-last-used = Last used

## Circuits (public pages): a path of steps, each a course or event.

nav-circuits = Circuits
circuits-title = Circuits
circuits-intro = Integrated paths: a workshop, a course, an exhibition, one after the other, with a certificate at the end.
circuits-empty = No circuits are open at the moment.
circuit-steps = The steps
# $position: the step's number in the circuit.
circuit-step = Step { $position }
circuit-step-choice = Choose one of these:
circuit-value = Value of one place
circuit-funded = Places funded so far
# $count: a number of places.
circuit-places = { $count ->
        [one] one place
       *[other] { $count } places
    }
# $required: steps needed to complete; $count: steps in all.
circuit-completion = { $required } of { $count }
circuit-sponsor = Sponsor places in this circuit
circuit-sponsor-later = Places in this circuit can be sponsored soon.
circuit-next-session = Next session
