# Mentore · emails · it

email-signature = Mentore · il sostegno che finanzia chi partecipa
email-reset-subject = Reimposta la tua password
email-reset-body =
    Ciao { $name },

    per scegliere una nuova password apri questo link entro un'ora:
    { $link }

    Se non l'hai chiesto tu, ignora questo messaggio.
email-invitation-subject = Invito a unirti a { $organization }
email-invitation-body =
    Ciao,

    { $inviter } ti invita a unirti a { $organization } su Mentore come { $role }.
    Apri questo link entro sette giorni per accettare:
    { $link }
email-organizer-approved-subject = { $organization } è ora organizzatore su Mentore
email-organizer-approved-body =
    Ciao { $name },

    la candidatura di { $organization } è stata approvata. Ora puoi gestire l'organizzazione e invitare i colleghi:
    { $link }
email-organizer-rejected-subject = La candidatura di { $organization }
email-organizer-rejected-body =
    Ciao { $name },

    purtroppo la candidatura di { $organization } non è stata approvata. Per domande rispondi a questo messaggio.
