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

## Vouchers of a partner association and their nominations (/partner/ID/vouchers). A
## nomination gives one voucher to one beneficiary; it can be withdrawn while unused.

partner-vouchers-title = Vauçerët
# $organization is the partner association's name.
partner-vouchers-intro = Vauçerët që fondet e mentorëve i dhanë { $organization }: jepjani secilin një personi që ka nevojë.
partner-vouchers-empty = Ende asnjë vauçer: vijnë kur një mentor financon vende për këtë shoqatë.
# Column with the last characters of a voucher code.
column-code = Kodi
column-beneficiary = I dhënë
action-nominate = Jepjani një personi
action-withdraw = Tërhiqe
action-print = Shtyp
nominate-title = Jepni një vauçer një personi
nominate-intro = Vetëm sa duhet: një emër ose pseudonim, gjuha që lexon personi dhe një adresë e-maili nëse vauçeri dërgohet me e-mail.
field-beneficiary-name = Emri ose pseudonimi
hint-beneficiary-name = Këtë do ta shohë stafi në hyrje kur të përdoret vauçeri.
field-beneficiary-email = E-maili (sipas dëshirës)
field-beneficiary-language = Gjuha e personit
field-delivery = Si i arrin vauçeri personit
delivery-email = Me e-mail, me kodin e tij QR
delivery-print = E shtyp dhe ia dorëzoj vetë
field-beneficiary-note = Shënim për shoqatën tuaj (sipas dëshirës)
hint-beneficiary-note = E sheh vetëm shoqata juaj.
nominated-emailed = U bë: vauçeri po niset me e-mail, në gjuhën e personit.
nominated-print = U bë: shtypeni vauçerin dhe dorëzojeni.
nomination-withdrawn = Vauçeri u kthye: mund t'ia jepni dikujt tjetër.
