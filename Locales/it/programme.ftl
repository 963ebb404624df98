# Mentore · programme · it

## Organizers run their own programme: venues, events and their dates, changes and cancellations.

error-in-the-past = Questo orario è già passato: scegline uno successivo.
# The capacity typed is lower than the places already reserved.
error-capacity-below-reserved = Ci sono già più posti prenotati: tienine almeno altrettanti.
error-session-started = Questa data è già iniziata: non si può più cambiare né annullare.
error-session-cancelled = Questa data è stata annullata.
field-accessibility = Accessibilità
accessibility-step-free = Accesso senza gradini
accessibility-hearing-loop = Anello a induzione magnetica
accessibility-accessible-toilet = Bagno accessibile
field-booking-required = Serve prenotare il posto
field-change-cutoff = Modifiche chiuse (ore prima di ogni data)
hint-change-cutoff = Fino a quando si possono fare, spostare o annullare le prenotazioni. Lascia vuoto per le solite 24 ore.
admin-event-unpublish-title = Ritira un evento dal catalogo
admin-event-unpublish-intro = Evento: { $title }
field-unpublish-reason = Motivo
hint-unpublish-reason = L'organizzatore lo riceve per e-mail.
# A cancelled date in the list of dates; $reason is what the organizer wrote.
session-cancelled-because = Annullata: { $reason }
action-session-change = Modifica
action-session-cancel = Annulla questa data
field-session-repeat = Ripeti ogni settimana (numero di date)
hint-session-repeat = Per esempio 4 aggiunge questa data e lo stesso orario in ciascuna delle tre settimane successive. Lascia vuoto per una sola data.
session-change-title = Modifica una data
# $reserved is the number of places already reserved.
session-change-intro = { $reserved ->
    [0] Nessuno ha ancora prenotato un posto.
    [one] C'è un posto prenotato: i posti disponibili non possono scendere sotto questo numero.
    [many] Ci sono { $reserved } di posti prenotati: i posti disponibili non possono scendere sotto questo numero.
   *[other] Ci sono { $reserved } posti prenotati: i posti disponibili non possono scendere sotto questo numero.
}
session-cancel-title = Annulla una data
# $date is the date and time, $reserved the number of places reserved.
session-cancel-intro = { $reserved ->
    [0] { $date }: nessuno ha prenotato un posto.
    [one] { $date }: la persona che ha prenotato riceverà un'e-mail, e il suo voucher resta valido.
    [many] { $date }: { $reserved } di persone che hanno prenotato riceveranno un'e-mail, e i loro voucher restano validi.
   *[other] { $date }: le { $reserved } persone che hanno prenotato riceveranno un'e-mail, e i loro voucher restano validi.
}
field-cancel-reason = Motivo
hint-cancel-reason = Viene inviato a chi aveva prenotato un posto.
# $event is the event's title.
email-event-unpublished-subject = { $event } non è più nel catalogo
# $organization the organizer, $event the event's title, $reason what the admin wrote.
email-event-unpublished-body =
    Ciao { $organization },

    l'evento { $event } è stato ritirato dal catalogo di Mentore per questo motivo:
    { $reason }

    Per domande, rispondi a questo messaggio.
# $event is the event's title.
email-session-cancelled-subject = { $event }: una data è stata annullata
# $name the person's name or alias, $event the event, $date the date and time, $venue the venue,
# $reason the organizer's reason, $link the voucher's page, where another date can be chosen.
email-session-cancelled-body =
    Ciao { $name },

    la data di { $event } presso la sede { $venue } (data: { $date }) è stata annullata:
    { $reason }

    La tua prenotazione è stata liberata e il tuo voucher resta valido. Scegli un'altra data qui:
    { $link }
