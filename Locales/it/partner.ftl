# Mentore · partner · it

dashboard-partner-title = Area partner
members-title = Membri di { $organization }
members-intro = Chi lavora con { $organization } sulla piattaforma.
members-empty = Ancora nessun membro.
members-invite-intro = Invita un collega: riceverà un link via e-mail, valido sette giorni.
members-invite-submit = Invia l'invito
members-invited = Invito inviato a { $email }.
members-remove = Rimuovi
