# Mentore · partner · en

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Partner dashboard
# $organization is the organisation's name.
members-title = Members of { $organization }
# $organization is the organisation's name.
members-intro = Who works with { $organization } on the platform.
members-empty = No members yet.
members-invite-intro = Invite a colleague: they will receive a link by e-mail, valid for seven days.
members-invite-submit = Send the invitation
# $email is the invited e-mail address.
members-invited = Invitation sent to { $email }.
# Button that removes a member from the organisation.
members-remove = Remove
