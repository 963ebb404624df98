### Messaggi della riga di comando (`mentore …` nel terminale). I nomi di comandi e
### opzioni (serve, --locale, …) restano invariati: si digitano così.

cli-usage = Uso: mentore serve [--hostname H] [--port P] | migrate --yes | seed --demo | seed --bench N --out FILE | admin create --email E --password P | ledger check | vouchers expire | tokens create --user EMAIL --label L | tokens create --organizer SLUG --label L | door admit --code CODE --session ID [--at TIME] | purge | backup --to FILE | i18n lint | stats | parse | format | plural
# $email is the administrator's e-mail address.
cli-admin-created = Amministratore pronto: { $email }
# $count: quanti record ha creato il seed questa volta (0 se i dati c'erano già).
cli-seed-done =
    { $count ->
        [0] I dati dimostrativi sono già presenti (nulla di nuovo).
        [one] Dati dimostrativi pronti (un record nuovo).
        [many] Dati dimostrativi pronti ({ $count } di record nuovi).
       *[other] Dati dimostrativi pronti ({ $count } record nuovi).
    }
# Followed by one line per demo account; $password is the shared demo password.
cli-seed-logins = Accessi dimostrativi (solo per prova), password { $password }:

## mentore i18n …

cli-i18n-usage =
    Uso: mentore i18n lint [--locales CARTELLA] [--sources CARTELLA …]
         mentore i18n stats [--locales CARTELLA]
         mentore i18n parse FILE.ftl…
         mentore i18n format --locale L [--file F.ftl …] [--isolate] ID_MESSAGGIO[.attributo] [nome=valore …]
         mentore i18n plural --locale L [--ordinal] N… (oppure - per leggere i numeri dallo standard input)
# $path is the file name given on the command line.
cli-i18n-unreadable = Impossibile leggere { $path }.
# $locale is what was typed after --locale; the codes listed stay as they are.
cli-i18n-unknown-locale = Lingua sconosciuta «{ $locale }»: usa it, sq, en o en-XA.
# $id is the message id, $locale the language code.
cli-i18n-no-message = Il messaggio «{ $id }» non esiste in { $locale }.
# $value is what was typed instead of a number.
cli-i18n-not-a-number = «{ $value }» non è un numero (scrivi delle cifre, per esempio 5 o 1.50).
# $language: codice della lingua; $percent: completezza rispetto all'inglese.
cli-stats-row = { $language }: messaggi: { $messages }, parole: { $words }, mancanti: { $missing }, completo al { $percent } %

## mentore i18n lint: una riga per problema, dopo «file:riga:colonna:».
## $subject è l'id del messaggio, il riferimento o la categoria in questione.

cli-lint-syntax = errore di sintassi: { $subject ->
        [unexpected-end] il file finisce a metà di una voce
        [unexpected-line-end] fine riga inattesa
       *[other] carattere inatteso
    }; la voce viene saltata
cli-lint-duplicate = «{ $subject }» è definito due volte; vale la prima definizione
# $detail: il codice della lingua a cui manca il messaggio.
cli-lint-missing = «{ $subject }» manca in { $detail }
cli-lint-obsolete = «{ $subject }» non esiste più in en: va tolto
cli-lint-undefined-message = riferimento a un messaggio non definito «{ $subject }»
cli-lint-undefined-term = riferimento a un termine non definito «{ $subject }»
# $detail: le variabili del messaggio inglese.
cli-lint-variables = «{ $subject }» deve usare le stesse variabili di en ({ $detail })
cli-lint-plural-category = al selettore manca la categoria plurale «{ $subject }» di questa lingua
cli-lint-unknown-key = «{ $subject }» è usato nel codice ma manca in en
cli-lint-unused-key = «{ $subject }» non è usato da nessuna parte
cli-lint-forbidden-term = «{ $subject }» non usa il termine del glossario: { $detail }
cli-lint-missing-term = «{ $subject }» dovrebbe usare il termine del glossario «{ $detail }»
cli-lint-count-outside-selector = «{ $subject }» mette un numero davanti a una parola senza selettore plurale ({ $detail }): usa un selettore, oppure «Etichetta: n»
cli-lint-quotation-mark = «{ $subject }» usa virgolette o un apostrofo che questa lingua non scrive ({ $detail })
cli-lint-article-before-date = «{ $subject }» ha un articolo davanti a una data ({ $detail }): scrivi «in data …» oppure «Etichetta: data»
# Last line of the lint report; $count is the number of problems.
cli-lint-summary =
    { $count ->
        [0] Nessun problema.
        [one] Trovato un problema.
        [many] Trovati { $count } di problemi.
       *[other] Trovati { $count } problemi.
    }

## Errori di risoluzione, stampati da `mentore i18n format`. $name è ciò che manca.

i18n-error-unknown-variable = Variabile sconosciuta: { $name }
i18n-error-unknown-message = Messaggio sconosciuto: { $name }
i18n-error-unknown-attribute = Attributo sconosciuto: { $name }
i18n-error-no-value = Il messaggio { $name } non ha un valore
i18n-error-unknown-term = Termine sconosciuto: { $name }
i18n-error-unknown-function = Funzione sconosciuta: { $name }
i18n-error-cyclic-reference = Riferimento circolare: { $name }
i18n-error-too-many-placeables = Troppi segnaposto espansi (più di { $name })
i18n-error-invalid-argument = Argomento non valido per { $name }

## mentore backup --to FILE and mentore purge.

# $path is the file named on the command line.
cli-backup-done = Una copia coerente del database è stata scritta in { $path }.
cli-backup-exists = { $path } esiste già: indica un file nuovo.
cli-backup-postgres = Con PostgreSQL i backup si fanno con pg_dump (vedi «Deploying» nel README).
# $count is a whole number.
cli-purge-done = Righe oltre il periodo di conservazione rimosse: { $count }.

## mentore ledger check. $transactions and $accounts are numbers; $detail describes one
## breach (in English, for the developers).

cli-ledger-ok = Registro contabile verificato, nessuna violazione (transazioni: { $transactions }, saldi: { $accounts }).
cli-ledger-breach = violazione del registro contabile: { $detail }
# $count: how many vouchers passed their date unused and were expired now.
cli-vouchers-expired =
    { $count ->
        [one] Un voucher scaduto; il suo valore è tornato al fondo.
        [many] { $count } di voucher scaduti; il loro valore è tornato ai fondi.
       *[other] { $count } voucher scaduti; il loro valore è tornato ai fondi.
    }
cli-vouchers-reallocated = { $count ->
        [one] Uno è diventato un nuovo voucher per la prima persona in una lista d'attesa.
        [many] { $count } di questi sono diventati nuovi voucher per le prime persone nelle liste d'attesa.
       *[other] { $count } sono diventati nuovi voucher per le prime persone nelle liste d'attesa.
    }
# $count: how many contributions had unused value given back to their mentor (rule "refund").
cli-vouchers-refunded =
    { $count ->
        [one] Il valore non usato di un contributo è stato rimborsato a chi l'aveva versato.
        [many] Il valore non usato di { $count } di contributi è stato rimborsato a chi li aveva versati.
       *[other] Il valore non usato di { $count } contributi è stato rimborsato a chi li aveva versati.
    }
# $email is the e-mail address given on the command line.
cli-user-unknown = Nessun utente ha l'indirizzo e-mail { $email }.
cli-door-admitted = Ingresso registrato.
cli-door-certificate = Percorso completato: attestato { $code }.
cli-door-already-used = Già usato: ingresso registrato in data { $date }.
# $slug: the short name typed after --organizer.
cli-organizer-unknown = Nessun organizzatore ha il nome breve { $slug }.
