# Mentore · programme · en

## Organizers run their own programme: venues, events and their dates, changes and cancellations.

error-in-the-past = This time has already passed: choose a later one.
# The capacity typed is lower than the places already reserved.
error-capacity-below-reserved = More places are already reserved than this: keep at least as many.
error-session-started = This date has already begun: it can no longer be changed or cancelled.
error-session-cancelled = This date was cancelled.
field-accessibility = Accessibility
accessibility-step-free = Step-free access
accessibility-hearing-loop = Hearing loop
accessibility-accessible-toilet = Accessible toilet
field-booking-required = A place must be reserved ahead
field-change-cutoff = Changes close (hours before each date)
hint-change-cutoff = Until when reservations can be made, moved or cancelled. Leave empty for the usual 24 hours.
admin-event-unpublish-title = Unpublish an event
admin-event-unpublish-intro = Event: { $title }
field-unpublish-reason = Reason
hint-unpublish-reason = The organizer receives it by e-mail.
# A cancelled date in the list of dates; $reason is what the organizer wrote.
session-cancelled-because = Cancelled: { $reason }
action-session-change = Change
action-session-cancel = Cancel this date
field-session-repeat = Repeat every week (number of dates)
hint-session-repeat = For example 4 adds this date and the same time in each of the next three weeks. Leave empty for one date.
session-change-title = Change a date
# $reserved is the number of places already reserved.
session-change-intro = { $reserved ->
    [0] Nobody has reserved a place yet.
    [one] One place is reserved: the capacity cannot go below it.
   *[other] { $reserved } places are reserved: the capacity cannot go below them.
}
session-cancel-title = Cancel a date
# $date is the date and time, $reserved the number of places reserved.
session-cancel-intro = { $reserved ->
    [0] { $date }: nobody has reserved a place.
    [one] { $date }: the person holding the one reservation will be told by e-mail, and their voucher stays valid.
   *[other] { $date }: the { $reserved } people holding a reservation will be told by e-mail, and their vouchers stay valid.
}
field-cancel-reason = Reason
hint-cancel-reason = Sent to the people who had reserved a place.
# $event is the event's title.
email-event-unpublished-subject = { $event } is no longer in the catalog
# $organization the organizer, $event the event's title, $reason what the admin wrote.
email-event-unpublished-body =
    Hello { $organization },

    the event { $event } was taken out of the Mentore catalog for this reason:
    { $reason }

    For questions, reply to this message.
# $event is the event's title.
email-session-cancelled-subject = { $event }: a date was cancelled
# $name the person's name or alias, $event the event, $date the date and time, $venue the venue,
# $reason the organizer's reason, $link the voucher's page, where another date can be chosen.
email-session-cancelled-body =
    Hello { $name },

    the date of { $event } on { $date } at { $venue } was cancelled:
    { $reason }

    Your reservation is released and your voucher stays valid. Choose another date here:
    { $link }
