# Mentore · partner · sq

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Faqja e partnerit
# $organization is the organisation's name.
members-title = Anëtarët e { $organization }
# $organization is the organisation's name.
members-intro = Kush punon me { $organization } në platformë.
members-empty = Ende asnjë anëtar.
members-invite-intro = Ftoni një koleg: do të marrë një lidhje me email, të vlefshme shtatë ditë.
members-invite-submit = Dërgo ftesën
# $email is the invited e-mail address.
members-invited = Ftesa iu dërgua { $email }.
# Button that removes a member from the organisation.
members-remove = Hiq
