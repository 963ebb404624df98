# Mentore · partner · it

## Partner dashboard and organisation members (partner associations such as Dora e Pajtimit, and
## organizers).

dashboard-partner-title = Area partner
# $organization is the organisation's name.
members-title = Membri di { $organization }
# $organization is the organisation's name.
members-intro = Chi lavora con { $organization } sulla piattaforma.
members-empty = Ancora nessun membro.
members-invite-intro = Invita un collega: riceverà un link via e-mail, valido sette giorni.
members-invite-submit = Invia l'invito
# $email is the invited e-mail address.
members-invited = Invito inviato a { $email }.
# Button that removes a member from the organisation.
members-remove = Rimuovi
