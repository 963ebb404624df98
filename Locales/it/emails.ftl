# Mentore · emails · it

## E-mails (plain text). Each message has -subject and -body; the body keeps its blank lines. Links
## stay on a line of their own.

# Last line of every e-mail.
email-signature = Mentore · il sostegno che finanzia chi partecipa
email-reset-subject = Reimposta la tua password
# $name is the display name, $link the reset address (on its own line).
email-reset-body =
    Ciao { $name },

    per scegliere una nuova password apri questo link entro un'ora:
    { $link }

    Se non l'hai chiesto tu, ignora questo messaggio.
# Sent to a new address after the sign-up form. $name is the name given on the form, $link the
# address that creates the account (valid for 24 hours, on its own line).
email-signup-confirm-subject = Conferma il tuo account Mentore
email-signup-confirm-body =
    Ciao { $name },

    per creare il tuo account apri questo link entro 24 ore:
    { $link }

    Se non l'hai chiesto tu, ignora questo messaggio: senza il link non viene creato nessun account.
# Sent when someone fills in the sign-up form with an address that already has an account.
# $name is the account's display name, $login the log-in page, $reset the page to choose a new password.
email-signup-existing-subject = Hai già un account Mentore
email-signup-existing-body =
    Ciao { $name },

    qualcuno ha chiesto di creare un account con questo indirizzo, che ne ha già uno. Per accedere:
    { $login }

    Se hai dimenticato la password, scegline una nuova qui:
    { $reset }

    Se non l'hai chiesto tu, ignora questo messaggio: il tuo account non è cambiato.
# $organization is the organisation's name.
email-invitation-subject = Invito a unirti a { $organization }
# $inviter is who sends the invitation, $organization the organisation, $role one of member-role-*,
# $link the address to accept (valid for seven days).
email-invitation-body =
    Ciao,

    { $inviter } ti invita a unirti a { $organization } su Mentore come { $role }.
    Apri questo link entro sette giorni per accettare:
    { $link }
# $organization is the organisation's name.
email-organizer-approved-subject = { $organization } è ora organizzatore su Mentore
# $name is the applicant's display name, $organization the organisation, $link its management page.
email-organizer-approved-body =
    Ciao { $name },
    
    la candidatura di { $organization } è stata approvata. Ora puoi gestire l'organizzazione e invitare chi lavora con te:
    { $link }
# $organization is the organisation's name.
email-organizer-rejected-subject = La candidatura di { $organization }
# $name is the applicant's display name, $organization the organisation.
email-organizer-rejected-body =
    Ciao { $name },

    purtroppo la candidatura di { $organization } non è stata approvata. Per domande rispondi a questo messaggio.
email-voucher-subject = Il tuo voucher Mentore
# $name the person's name or alias, $what the event (or "a place of your choice"), $code
# the voucher code, $until the last valid day, $link the voucher's page with its QR code.
email-voucher-body =
    Ciao { $name },
    
    chi fa da mentore ha pagato il tuo posto: { $what }.
    Il codice del tuo voucher è { $code } (scadenza: { $until }).
    
    Apri questo link per vedere il voucher e il suo codice QR, e mostralo all'ingresso:
    { $link }
    
    Non far vedere il codice a nessuno: chi lo ha può usarlo.

# To every member of a partner when someone on its waiting list received a voucher (the value of
# an expired voucher, reallocated). $name the person, $what the event or "a place of your
# choice", $code the voucher's last characters, $until its last valid day, $link the partner's
# voucher page, $delivery "email" (already sent to the person) or "print".
email-reallocated-subject = Un voucher per { $name }, dalla lista d'attesa della tua associazione
email-reallocated-body =
    Ciao,
    
    si è liberato un voucher che nessuno ha usato, e chi lo aveva finanziato ha chiesto che vada alla prima
    persona in attesa: è { $name }, nella lista d'attesa della tua associazione. { $what }
    (scadenza: { $until }; codice che finisce con { $code }).
    
    { $delivery ->
        [email] Il voucher è già stato inviato per e-mail alla persona.
       *[print] Stampalo dalla pagina dei voucher e consegnalo alla persona.
    }
    { $link }

# The receipt sent when a contribution is paid, in the mentor's language. $name the mentor,
# $number the receipt number, $amount with its currency, $fund the fund's name, $date the day
# paid, $method how it was paid, $demo "yes" for a demonstration payment, $link the receipt page.
email-receipt-subject = La tua ricevuta { $number } — grazie
email-receipt-body =
    Ciao { $name },
    
    grazie: abbiamo ricevuto il tuo contributo di { $amount } al fondo «{ $fund }» in data { $date } ({ $method }).
    { $demo ->
        [yes] Era una dimostrazione: non è stato ricevuto denaro e questa ricevuta non ha valore.
       *[no] Il numero della tua ricevuta è { $number }.
    }
    
    La ricevuta, da stampare o conservare, e ciò che il tuo contributo rende possibile:
    { $link }
