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

## Vouchers of a partner association and their nominations (/partner/ID/vouchers). A
## nomination gives one voucher to one beneficiary; it can be withdrawn while unused.

partner-vouchers-title = Voucher
# $organization is the partner association's name.
partner-vouchers-intro = I voucher che i fondi dei mentori hanno dato a { $organization }: assegnali a chi ne ha bisogno.
partner-vouchers-empty = Ancora nessun voucher: arrivano quando un mentore finanzia posti per questa associazione.
# Column with the last characters of a voucher code.
column-code = Codice
column-beneficiary = Assegnato a
action-nominate = Assegna a una persona
action-withdraw = Ritira
action-print = Stampa
nominate-title = Assegna un voucher a una persona
nominate-intro = Solo il necessario: un nome o uno pseudonimo, la lingua che la persona legge e un indirizzo e-mail se il voucher parte per e-mail.
field-beneficiary-name = Nome o pseudonimo
hint-beneficiary-name = È ciò che vedrà chi controlla gli ingressi quando il voucher viene usato.
field-beneficiary-email = E-mail (facoltativa)
field-beneficiary-language = Lingua della persona
field-delivery = Come arriva il voucher alla persona
delivery-email = Per e-mail, con il suo QR code
delivery-print = Lo stampo e lo consegno io
field-beneficiary-note = Nota per la tua associazione (facoltativa)
hint-beneficiary-note = La vede solo la tua associazione.
nominated-emailed = Fatto: il voucher è in viaggio per e-mail, nella lingua della persona.
nominated-print = Fatto: stampa il voucher e consegnalo.
nomination-withdrawn = Il voucher è tornato disponibile: puoi assegnarlo a un'altra persona.
