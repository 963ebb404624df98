# Mentore · common · sq

## Site-wide: header, navigation and footer on every page.

# The platform’s name; do not translate.
brand = Mentore
# Hidden link for keyboard and screen-reader users, shown on focus; jumps past the menu.
skip-to-content = Kalo te përmbajtja
# Accessible name of the main navigation (read by screen readers, not shown).
nav-label = Menuja kryesore
# Menu link to the catalog of courses and events.
nav-events = Ngjarjet
# Menu link to the signed-in person’s own dashboard.
nav-dashboard = Faqja ime
# Menu link to the administration pages (admins only).
nav-admin = Administrimi
nav-login = Hyr
nav-signup = Regjistrohu
nav-logout = Dil
# Menu link for door staff: the list of today’s dates to check people in.
nav-door = Hyrja

## Language menu. language-self-* name each language in itself and never change; language-name-*
## name a language in the reader’s language.

# Label of the language menu.
language-switcher = Gjuha
language-self-it = Italiano
language-self-sq = Shqip
language-self-en = English
language-name-it = Italisht
language-name-sq = Shqip
language-name-en = Anglisht
# Footer line on every page: what the platform is about, in one sentence.
footer-text = Mentore: mbështetje për kulturën që financon pjesëmarrësit, jo logon e një sponsori.

## Home page (/). The tone is warm and direct; mentors are mostly diaspora professionals,
## beneficiaries young people and women artisans.

# Main heading of the home page: the idea of the platform in a few words.
home-title = Financo një vend, jo një logo
home-lead = Me Mentore, një mentor paguan vendin e një personi në një kurs ose në një ngjarje kulturore.
# Shkodër is a city in Albania; keep its spelling.
home-explain = Shoqatat partnere zgjedhin se kush ka nevojë: të rinj, artizane nga Shkodra, njerëz në vështirësi. Organizatorët i presin përfituesit në hyrje dhe paguhen për çdo pjesëmarrje.
home-roles-title = Si të merrni pjesë
home-role-mentor-title = Jeni mentor
home-role-mentor-text = Zgjidhni një kurs ose një ngjarje dhe financoni vendet e atyre që nuk do t’i përballonin dot.
home-role-mentor-action = Bëhu mentor
home-role-partner-title = Jeni shoqatë partnere
home-role-partner-text = Propozoni përfituesit dhe u dorëzoni atyre vauçerët.
# Button: partners are invited by an admin, so this leads to the log-in page.
home-role-partner-action = Hyr si partner
home-role-organizer-title = Organizoni kurse ose ngjarje
home-role-organizer-text = Publikoni ngjarjet tuaja, pritni përfituesit dhe merrni pagesën për çdo pjesëmarrje.
# Button leading to the organizer application form.
home-role-organizer-action = Apliko si organizator
home-upcoming-title = Ngjarjet e ardhshme

## Catalog of courses and events (/events) and its filters.

events-title = Kurse dhe ngjarje
# $count is how many events match the filters (a number).
events-count = Ngjarje të gjetura: { $count }
filter-label = Filtroni ngjarjet
filter-kind = Lloji
filter-city = Qyteti
filter-language = Gjuha
filter-from = Nga data
# Filter option meaning no restriction (any kind, any city, any language).
filter-any = Të gjitha
# Button that applies the filters.
filter-submit = Filtro

## Kinds of event (filter values, labels on event cards).

# A course that teaches a skill (e.g. web marketing, tailoring).
event-kind-training = Trajnim
# Educational activity (e.g. a talk, a guided visit).
event-kind-education = Edukim
# Cultural event (e.g. an exhibition, a concert).
event-kind-culture = Kulturë

## Event page (/events/…): details of one course or event.

# Label before the date of the next session.
event-when = Data e radhës
event-where = Ku
event-languages = Gjuhët
# Label before the money a mentor pays for one person’s place.
event-price = Vlera e një vendi
event-organizer = Organizatori
# Heading of the list of dates (sessions) of the event.
event-sessions = Datat
# $capacity is the number of places of one date (always 2 or more in practice).
event-seats =
    { $capacity ->
        [one] Një vend
       *[other] { $capacity } vende
    }
# $zone is a time zone name such as Europe/Rome.
event-times-in = Oraret sipas zonës kohore të vendndodhjes ({ $zone }).
# Status badge: visible in the public catalog.
event-published = Publikuar
# Status badge: not yet visible to the public.
event-draft = Skicë
# Mbi një tekst që ende nuk është shkruar në gjuhën e lexuesit; $code është gjuha në të
# cilën shfaqet në vend të saj (it, sq ose en). Emrat e gjuhëve me shkronjë të vogël.
content-not-translated = Ende e papërkthyer: shfaqet në { $code ->
        [it] italisht
        [en] anglisht
       *[sq] shqip
    }.
# Mbi një tekst të përkthyer automatikisht (askush nuk e ka rishikuar ende).
content-machine-translated = Përkthyer automatikisht: mund të ketë gabime.
# Heading above the directions to the venue.
event-directions = Si të vini

## Accounts: sign-up, log-in, password reset.

# Only mentors sign up by themselves; partners and organizers are invited or apply.
signup-title = Regjistrohu si mentor
signup-intro = Krijoni një llogari për të financuar vende dhe për të ndjekur çfarë keni bërë të mundur.
signup-submit = Krijo llogarinë
# Link to the log-in page.
signup-have-account = Keni tashmë një llogari? Hyni
# Shown after the sign-up form, whether or not the address already has an account (the e-mail says which).
signup-sent = Pothuajse gati: hapni lidhjen që ju dërguam me e-mail për të krijuar llogarinë. Nëse adresa ka tashmë një llogari, e-maili ju tregon si të hyni.
signup-confirm-title = Konfirmoni llogarinë
# $email is the address the account is made for.
signup-confirm-intro = Krijoni llogarinë për { $email }.
signup-confirm-submit = Krijo llogarinë
login-title = Hyr
login-submit = Hyr
# Shown when an account had several failed log-ins: the next attempt must wait. $seconds is a whole number.
login-wait =
    { $seconds ->
        [one] Shumë përpjekje: provoni sërish pas një sekonde.
       *[other] Shumë përpjekje: provoni sërish pas { $seconds } sekondash.
    }
login-forgot = Keni harruar fjalëkalimin?
# Link to the sign-up page.
login-no-account = Nuk keni llogari? Regjistrohuni
forgot-title = Rivendos fjalëkalimin
# The link in the e-mail expires after one hour.
forgot-intro = Shkruani adresën e e-mailit të llogarisë: do t’ju dërgojmë një lidhje të vlefshme për një orë.
forgot-submit = Dërgo lidhjen
# Shown whether or not the address exists, so nobody can probe for accounts.
forgot-sent = Nëse adresa i përket një llogarie, së shpejti do të merrni një e-mail me lidhjen.
reset-title = Zgjidhni një fjalëkalim të ri
reset-submit = Ruaj fjalëkalimin

## Form field labels and hints shared by several forms.

# The name shown to others (not necessarily the legal name).
field-display-name = Emri që shfaqet
field-email = E-mail
field-password = Fjalëkalimi
# Password reset form.
field-new-password = Fjalëkalimi i ri
# Same password typed a second time, to catch typos.
field-password-confirmation = Përsëritni fjalëkalimin
field-language = Gjuha e preferuar
# Role of a member within an organisation (see member-role-*).
field-role = Roli
# First, empty option of a drop-down list.
select-placeholder = — Zgjidhni —
# Shown after the label of a required field.
field-required-mark = (detyrimisht)
# $min is the minimum length of a password (a number, 12 or more).
hint-password =
    { $min ->
        [one] Të paktën një karakter.
       *[other] Të paktën { $min } karaktere.
    }
# Summary at the top of a form that was sent with mistakes.
form-has-errors = Disa fusha duhen korrigjuar: i gjeni më poshtë.

## Buttons and links acting on a row or a form.

action-save = Ruaj
action-edit = Ndrysho
action-delete = Fshi
action-approve = Mirato
action-reject = Refuzo
# Link to the members of an organisation.
action-members = Anëtarët
# Link to the dates (sessions) of an event.
action-sessions = Datat

## Table column headers (admin and dashboard tables). Keep them short.

column-name = Emri
column-email = E-mail
column-role = Roli
column-city = Qyteti
column-status = Gjendja
column-address = Adresa
column-organizer = Organizatori
column-time-zone = Zona kohore
column-title = Titulli
column-kind = Lloji
column-venue = Vendndodhja
column-starts = Fillimi
column-ends = Mbarimi
# Number of places of a date.
column-capacity = Vende
# When it happened (audit log, door list).
column-when = Kur
# Who did it (audit log).
column-who = Kush
column-action = Veprimi
# What an audit-log entry is about (an event, a venue, a person…).
column-object = Objekti
column-detail = Hollësi
column-actions = Veprime

## Dashboards and the account page, for signed-in people.

# $name is the person’s display name.
dashboard-welcome = Përshëndetje, { $name }.
dashboard-account-title = Llogaria juaj
# Short description under the heading of the account box.
dashboard-account-text = Emri dhe gjuha e preferuar.
dashboard-account-link = Cilësimet e llogarisë
account-title = Llogaria juaj
account-saved = Ndryshimet u ruajtën.
# Link for a mentor who also runs courses or events.
account-apply-organizer = Organizoni kurse ose ngjarje? Aplikoni si organizator

## Invitation page: someone was invited to join an organisation (partner or organizer).

invitation-title = Ftesë
# $organization is an organisation’s name, $role one of member-role-* (lower case), $email an e-mail
# address.
invitation-text = Jeni ftuar t’i bashkoheni organizatës { $organization } si { $role } (ftesë për { $email }).
# Shown to visitors who are not signed in.
invitation-sign-in = Hyni ose regjistrohuni me atë adresë për ta pranuar.
# $email is the invited address; the visitor is signed in with a different one.
invitation-other-account = Keni hyrë me një adresë tjetër: dilni dhe hyni si { $email } për ta pranuar.
invitation-accept = Prano ftesën

## Member roles, inserted into sentences as { $role }: write them in lower case, as a noun phrase.

# Partner member who nominates beneficiaries.
member-role-coordinator = koordinator
# Member who manages the organisation and invites colleagues.
member-role-manager = menaxher
# Member who checks people in at the door of events.
member-role-door = punonjës në hyrje

## Personal API tokens (account page): programs that use the JSON API on the user’s behalf.

tokens-title = Tokenët API
tokens-intro = Një token i lejon një programi tuaj të përdorë API-në JSON të Mentore-s në emrin tuaj: mund të bëjë gjithçka që mund të bëni ju. Dërgojeni si «Authorization: Bearer» të ndjekur nga tokeni. Revokoni një token sapo të mos ju duhet më.
tokens-empty = Nuk keni tokenë API.
tokens-api-document = Përshkrimi i API-së (OpenAPI)
# Label above the newly made token; $label is the name the user gave it.
tokens-new-label = Tokeni juaj i ri «{ $label }»:
tokens-new-hint = Kopjojeni tani: shfaqet vetëm këtë herë. Mentore ruan vetëm një gjurmë të tij.
tokens-revoked = Tokeni u revokua: nuk funksionon më.
tokens-never-used = Asnjëherë
tokens-status-active = Aktiv
tokens-status-revoked = I revokuar
action-create-token = Krijo një token
action-revoke-token = Revoko
field-token-label = Emri i tokenit
hint-token-label = Për çfarë shërben, p.sh. «fleta elektronike e shoqatës».
column-token-label = Emri
# Column with the last four characters of a token.
column-token-ends = Mbaron me
column-created = Krijuar
column-last-used = Përdorimi i fundit

## Circuits (public pages): a path of steps, each a course or event.

nav-circuits = Rrugëtimet
circuits-title = Rrugëtimet
circuits-intro = Rrugëtime të integruara: një punëtori, një kurs, një ekspozitë, njëri pas tjetrit, me një certifikatë në fund.
circuits-empty = Për momentin nuk ka rrugëtime të hapura.
circuit-steps = Hapat
# $position: the step’s number in the circuit.
circuit-step = Hapi { $position }
circuit-step-choice = Zgjidhni një nga këto:
circuit-value = Vlera e një vendi
circuit-funded = Vende të financuara deri tani
# $count: a number of places.
circuit-places = { $count ->
        [one] një vend
       *[other] { $count } vende
    }
# $required: steps needed to complete; $count: steps in all.
circuit-completion = { $required } nga { $count }
circuit-sponsor = Financo vende në këtë rrugëtim
circuit-sponsor-later = Së shpejti do të mund të mbështeten vende në këtë rrugëtim.
circuit-next-session = Seanca e ardhshme
