# Mentore · programme · sq

## Organizers run their own programme: venues, events and their dates, changes and cancellations.

error-in-the-past = Kjo orë ka kaluar tashmë: zgjidhni një më vonë.
# The capacity typed is lower than the places already reserved.
error-capacity-below-reserved = Janë rezervuar tashmë më shumë vende: mbani të paktën aq.
error-session-started = Kjo datë ka filluar tashmë: nuk mund të ndryshohet as të anulohet më.
error-session-cancelled = Kjo datë u anulua.
field-accessibility = Aksesueshmëria
accessibility-step-free = Hyrje pa shkallë
accessibility-hearing-loop = Lak induksioni për dëgjimin
accessibility-accessible-toilet = Tualet i aksesueshëm
field-booking-required = Vendi duhet rezervuar paraprakisht
field-change-cutoff = Ndryshimet mbyllen (orë para çdo date)
hint-change-cutoff = Deri kur mund të bëhen, zhvendosen ose anulohen rezervimet. Lëreni bosh për 24 orët e zakonshme.
admin-event-unpublish-title = Hiqni një ngjarje nga katalogu
admin-event-unpublish-intro = Ngjarja: { $title }
field-unpublish-reason = Arsyeja
hint-unpublish-reason = Organizatori e merr me e-mail.
# A cancelled date in the list of dates; $reason is what the organizer wrote.
session-cancelled-because = E anuluar: { $reason }
action-session-change = Ndrysho
action-session-cancel = Anulo këtë datë
field-session-repeat = Përsërite çdo javë (numri i datave)
hint-session-repeat = Për shembull 4 shton këtë datë dhe të njëjtën orë në secilën nga tri javët në vijim. Lëreni bosh për një datë të vetme.
session-change-title = Ndryshoni një datë
# $reserved is the number of places already reserved.
session-change-intro = { $reserved ->
    [0] Askush nuk ka rezervuar ende një vend.
    [one] Është rezervuar një vend: vendet në dispozicion nuk mund të jenë më pak.
   *[other] Janë rezervuar { $reserved } vende: vendet në dispozicion nuk mund të jenë më pak.
}
session-cancel-title = Anuloni një datë
# $date is the date and time, $reserved the number of places reserved.
session-cancel-intro = { $reserved ->
    [0] { $date }: askush nuk ka rezervuar një vend.
    [one] { $date }: personi që ka rezervuar do të njoftohet me e-mail dhe vauçeri mbetet i vlefshëm.
   *[other] { $date }: { $reserved } personat që kanë rezervuar do të njoftohen me e-mail dhe vauçerët e tyre mbeten të vlefshëm.
}
field-cancel-reason = Arsyeja
hint-cancel-reason = U dërgohet atyre që kishin rezervuar një vend.
# $event is the event's title.
email-event-unpublished-subject = { $event } nuk është më në katalog
# $organization the organizer, $event the event's title, $reason what the admin wrote.
email-event-unpublished-body =
    Përshëndetje { $organization },

    ngjarja { $event } u hoq nga katalogu i Mentore për këtë arsye:
    { $reason }

    Për pyetje përgjigjuni këtij mesazhi.
# $event is the event's title.
email-session-cancelled-subject = { $event }: një datë u anulua
# $name the person's name or alias, $event the event, $date the date and time, $venue the venue,
# $reason the organizer's reason, $link the voucher's page, where another date can be chosen.
email-session-cancelled-body =
    Përshëndetje { $name },

    data e ngjarjes { $event } më { $date } në vendndodhjen { $venue } u anulua:
    { $reason }

    Rezervimi juaj u lirua dhe vauçeri juaj mbetet i vlefshëm. Zgjidhni një datë tjetër këtu:
    { $link }
