# Mentore · common · it

## Site-wide: header, navigation and footer on every page.

# The platform's name; do not translate.
brand = Mentore
# Hidden link for keyboard and screen-reader users, shown on focus; jumps past the menu.
skip-to-content = Vai al contenuto
# Accessible name of the main navigation (read by screen readers, not shown).
nav-label = Menu principale
# Menu link to the catalog of courses and events.
nav-events = Eventi
# Menu link to the signed-in person's own dashboard.
nav-dashboard = La mia area
# Menu link to the administration pages (admins only).
nav-admin = Amministrazione
nav-login = Accedi
nav-signup = Registrati
nav-logout = Esci
# Menu link for door staff: the list of today's dates to check people in.
nav-door = Ingresso

## Language menu. language-self-* name each language in itself and never change; language-name-*
## name a language in the reader's language.

# Label of the language menu.
language-switcher = Lingua
language-self-it = Italiano
language-self-sq = Shqip
language-self-en = English
language-name-it = Italiano
language-name-sq = Albanese
language-name-en = Inglese
# Footer line on every page: what the platform is about, in one sentence.
footer-text = Mentore: il sostegno alla cultura che finanzia chi partecipa, non il logo di uno sponsor.

## Home page (/). The tone is warm and direct; mentors are mostly diaspora professionals,
## beneficiaries young people and women artisans.

# Main heading of the home page: the idea of the platform in a few words.
home-title = Finanzia un posto, non un logo
home-lead = Con Mentore, chi fa da mentore paga il posto di una persona a un corso o a un evento culturale.
# Shkodër is a city in Albania; keep its spelling.
home-explain = Le associazioni partner scelgono chi ne ha bisogno: giovani, artigiane di Scutari, persone in difficoltà. Gli organizzatori accolgono i beneficiari all'ingresso e vengono pagati per ogni presenza.
home-roles-title = Come partecipare
home-role-mentor-title = Fai da mentore
home-role-mentor-text = Scegli un corso o un evento e finanzia i posti di chi non potrebbe permetterselo.
home-role-mentor-action = Diventa mentore
home-role-partner-title = Sei un'associazione partner
home-role-partner-text = Indica i beneficiari e consegna loro i voucher.
# Button: partners are invited by an admin, so this leads to the log-in page.
home-role-partner-action = Accedi come partner
home-role-organizer-title = Organizzi corsi o eventi
home-role-organizer-text = Pubblica i tuoi eventi, accogli i beneficiari e ricevi il pagamento per ogni presenza.
# Button leading to the organizer application form.
home-role-organizer-action = Candidati come organizzatore
home-upcoming-title = Prossimi eventi

## Catalog of courses and events (/events) and its filters.

events-title = Corsi ed eventi
# $count is how many events match the filters (a number).
events-count = Eventi trovati: { $count }
filter-label = Filtra gli eventi
filter-kind = Tipo
filter-city = Città
filter-language = Lingua
filter-from = Dalla data
# Filter option meaning no restriction (any kind, any city, any language).
filter-any = Qualsiasi
# Button that applies the filters.
filter-submit = Filtra

## Kinds of event (filter values, labels on event cards).

# A course that teaches a skill (e.g. web marketing, tailoring).
event-kind-training = Formazione
# Educational activity (e.g. a talk, a guided visit).
event-kind-education = Istruzione
# Cultural event (e.g. an exhibition, a concert).
event-kind-culture = Cultura

## Event page (/events/…): details of one course or event.

# Label before the date of the next session.
event-when = Prossima data
event-where = Dove
event-languages = Lingue
# Label before the money a mentor pays for one person's place.
event-price = Valore di un posto
event-organizer = Organizzatore
# Heading of the list of dates (sessions) of the event.
event-sessions = Date
# $capacity is the number of places of one date (always 2 or more in practice).
event-seats =
    { $capacity ->
        [one] Un posto
        [many] { $capacity } di posti
       *[other] { $capacity } posti
    }
# $zone is a time zone name such as Europe/Rome.
event-times-in = Orari nel fuso orario della sede ({ $zone }).
# Status badge: visible in the public catalog.
event-published = Pubblicato
# Status badge: not yet visible to the public.
event-draft = Bozza
# Sopra un testo non ancora scritto nella lingua di chi legge; $code è la lingua in cui
# viene mostrato al suo posto (it, sq o en). Nomi delle lingue minuscoli, come nel testo corrente.
content-not-translated = Non ancora tradotto: mostrato in { $code ->
        [sq] albanese
        [en] inglese
       *[it] italiano
    }.
# Sopra un testo tradotto automaticamente (nessuno l'ha ancora rivisto).
content-machine-translated = Tradotto automaticamente: potrebbe contenere errori.
# Heading above the directions to the venue.
event-directions = Come arrivare

## Accounts: sign-up, log-in, password reset.

# Only mentors sign up by themselves; partners and organizers are invited or apply.
signup-title = Registrati come mentore
signup-intro = Crea un account per finanziare posti e seguire cosa hai reso possibile.
signup-submit = Crea account
# Link to the log-in page.
signup-have-account = Hai già un account? Accedi
# Shown after the sign-up form, whether or not the address already has an account (the e-mail says which).
signup-sent = Ci siamo quasi: apri il link che ti abbiamo inviato per e-mail per creare il tuo account. Se l'indirizzo ha già un account, l'e-mail ti spiega come accedere.
signup-confirm-title = Conferma il tuo account
# $email is the address the account is made for.
signup-confirm-intro = Crea l'account per { $email }.
signup-confirm-submit = Crea il mio account
login-title = Accedi
login-submit = Accedi
# Shown when an account had several failed log-ins: the next attempt must wait. $seconds is a whole number.
login-wait =
    { $seconds ->
        [one] Troppi tentativi: riprova tra un secondo.
        [many] Troppi tentativi: riprova tra { $seconds } di secondi.
       *[other] Troppi tentativi: riprova tra { $seconds } secondi.
    }
login-forgot = Password dimenticata?
# Link to the sign-up page.
login-no-account = Non hai un account? Registrati
forgot-title = Reimposta la password
# The link in the e-mail expires after one hour.
forgot-intro = Scrivi l'indirizzo e-mail del tuo account: ti invieremo un link valido per un'ora.
forgot-submit = Invia il link
# Shown whether or not the address exists, so nobody can probe for accounts.
forgot-sent = Se l'indirizzo appartiene a un account, riceverai a breve un'e-mail con il link.
reset-title = Scegli una nuova password
reset-submit = Salva la password

## Form field labels and hints shared by several forms.

# The name shown to others (not necessarily the legal name).
field-display-name = Nome visualizzato
field-email = E-mail
field-password = Password
# Password reset form.
field-new-password = Nuova password
# Same password typed a second time, to catch typos.
field-password-confirmation = Ripeti la password
field-language = Lingua preferita
# Role of a member within an organisation (see member-role-*).
field-role = Ruolo
# First, empty option of a drop-down list.
select-placeholder = — Scegli —
# Shown after the label of a required field.
field-required-mark = (obbligatorio)
# $min is the minimum length of a password (a number, 12 or more).
hint-password =
    { $min ->
        [one] Almeno un carattere.
        [many] Almeno { $min } di caratteri.
       *[other] Almeno { $min } caratteri.
    }
# Summary at the top of a form that was sent with mistakes.
form-has-errors = Alcuni campi vanno corretti: li trovi qui sotto.

## Buttons and links acting on a row or a form.

action-save = Salva
action-edit = Modifica
action-delete = Elimina
action-approve = Approva
action-reject = Rifiuta
# Link to the members of an organisation.
action-members = Membri
# Link to the dates (sessions) of an event.
action-sessions = Date

## Table column headers (admin and dashboard tables). Keep them short.

column-name = Nome
column-email = E-mail
column-role = Ruolo
column-city = Città
column-status = Stato
column-address = Indirizzo
column-organizer = Organizzatore
column-time-zone = Fuso orario
column-title = Titolo
column-kind = Tipo
column-venue = Sede
column-starts = Inizio
column-ends = Fine
# Number of places of a date.
column-capacity = Posti
# When it happened (audit log, door list).
column-when = Quando
# Who did it (audit log).
column-who = Chi
column-action = Azione
# What an audit-log entry is about (an event, a venue, a person…).
column-object = Oggetto
column-detail = Dettagli
column-actions = Azioni

## Dashboards and the account page, for signed-in people.

# $name is the person's display name.
dashboard-welcome = Ciao, { $name }.
dashboard-account-title = Il tuo account
# Short description under the heading of the account box.
dashboard-account-text = Nome e lingua preferita.
dashboard-account-link = Impostazioni dell'account
account-title = Il tuo account
account-saved = Modifiche salvate.
# Link for a mentor who also runs courses or events.
account-apply-organizer = Organizzi corsi o eventi? Candidati come organizzatore

## Invitation page: someone was invited to join an organisation (partner or organizer).

invitation-title = Invito
# $organization is an organisation's name, $role one of member-role-* (lower case), $email an e-mail
# address.
invitation-text = Hai ricevuto un invito a unirti a { $organization } come { $role } (invito per { $email }).
# Shown to visitors who are not signed in.
invitation-sign-in = Accedi o registrati con quell'indirizzo per accettare.
# $email is the invited address; the visitor is signed in with a different one.
invitation-other-account = Hai effettuato l'accesso con un altro indirizzo: esci e accedi come { $email } per accettare.
invitation-accept = Accetta l'invito

## Member roles, inserted into sentences as { $role }: write them in lower case, as a noun phrase.

# Partner member who nominates beneficiaries.
member-role-coordinator = coordinatore
# Member who manages the organisation and invites colleagues.
member-role-manager = responsabile
# Member who checks people in at the door of events.
member-role-door = personale all'ingresso

## Personal API tokens (account page): programs that use the JSON API on the user's behalf.

tokens-title = Token API
tokens-intro = Un token permette a un tuo programma di usare l'API JSON di Mentore a tuo nome: può fare ciò che puoi fare tu. Invialo come «Authorization: Bearer» seguito dal token. Revoca un token appena non ti serve più.
tokens-empty = Non hai token API.
tokens-api-document = Descrizione dell'API (OpenAPI)
# Label above the newly made token; $label is the name the user gave it.
tokens-new-label = Il tuo nuovo token «{ $label }»:
tokens-new-hint = Copialo ora: viene mostrato solo questa volta. Mentore ne conserva soltanto un'impronta.
tokens-revoked = Il token è stato revocato: non funziona più.
tokens-never-used = Mai
tokens-status-active = Attivo
tokens-status-revoked = Revocato
action-create-token = Crea un token
action-revoke-token = Revoca
field-token-label = Nome del token
hint-token-label = A cosa serve, per esempio «il foglio di calcolo dell'associazione».
column-token-label = Nome
# Column with the last four characters of a token.
column-token-ends = Finisce con
column-created = Creato
column-last-used = Ultimo uso

## Circuits (public pages): a path of steps, each a course or event.

nav-circuits = Percorsi
circuits-title = Percorsi
circuits-intro = Percorsi integrati: un laboratorio, un corso, una mostra, uno dopo l'altro, con un attestato alla fine.
circuits-empty = Al momento non ci sono percorsi aperti.
circuit-steps = Le tappe
# $position: the step's number in the circuit.
circuit-step = Tappa { $position }
circuit-step-choice = Scegli uno di questi:
circuit-value = Valore di un posto
circuit-funded = Posti finanziati finora
# $count: a number of places.
circuit-places =
    { $count ->
        [one] un posto
        [many] { $count } di posti
       *[other] { $count } posti
    }
# $required: steps needed to complete; $count: steps in all.
circuit-completion = { $required } su { $count }
circuit-sponsor = Finanzia dei posti in questo percorso
circuit-sponsor-later = Presto si potranno finanziare posti in questo percorso.
circuit-next-session = Prossima sessione
