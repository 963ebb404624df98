# Mentore · emails · en

email-signature = Mentore · support that funds the people who take part
email-reset-subject = Reset your password
email-reset-body =
    Hello { $name },

    to choose a new password, open this link within one hour:
    { $link }

    If you did not ask for this, ignore this message.
email-invitation-subject = Invitation to join { $organization }
email-invitation-body =
    Hello,

    { $inviter } invites you to join { $organization } on Mentore as { $role }.
    Open this link within seven days to accept:
    { $link }
email-organizer-approved-subject = { $organization } is now an organizer on Mentore
email-organizer-approved-body =
    Hello { $name },

    the application of { $organization } has been approved. You can now manage the organisation and invite colleagues:
    { $link }
email-organizer-rejected-subject = The application of { $organization }
email-organizer-rejected-body =
    Hello { $name },

    unfortunately the application of { $organization } was not approved. For questions, reply to this message.
