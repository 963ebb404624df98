# Mentore · partner · en

dashboard-partner-title = Partner dashboard
members-title = Members of { $organization }
members-intro = Who works with { $organization } on the platform.
members-empty = No members yet.
members-invite-intro = Invite a colleague: they will receive a link by e-mail, valid for seven days.
members-invite-submit = Send the invitation
members-invited = Invitation sent to { $email }.
members-remove = Remove
