# Mentore · partner · sq

dashboard-partner-title = Faqja e partnerit
members-title = Anëtarët e { $organization }
members-intro = Kush punon me { $organization } në platformë.
members-empty = Ende asnjë anëtar.
members-invite-intro = Ftoni një koleg: do të marrë një lidhje me email, të vlefshme shtatë ditë.
members-invite-submit = Dërgo ftesën
members-invited = Ftesa iu dërgua { $email }.
members-remove = Hiq
