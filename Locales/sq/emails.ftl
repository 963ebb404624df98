# Mentore · emails · sq

email-signature = Mentore · mbështetja që financon pjesëmarrësit
email-reset-subject = Rivendosni fjalëkalimin tuaj
email-reset-body =
    Përshëndetje { $name },

    për të zgjedhur një fjalëkalim të ri hapni këtë lidhje brenda një ore:
    { $link }

    Nëse nuk e keni kërkuar ju, shpërfilleni këtë mesazh.
email-invitation-subject = Ftesë për t'iu bashkuar { $organization }
email-invitation-body =
    Përshëndetje,

    { $inviter } ju fton t'i bashkoheni { $organization } në Mentore si { $role }.
    Hapni këtë lidhje brenda shtatë ditëve për ta pranuar:
    { $link }
email-organizer-approved-subject = { $organization } tani është organizator në Mentore
email-organizer-approved-body =
    Përshëndetje { $name },

    aplikimi i { $organization } u miratua. Tani mund ta menaxhoni organizatën dhe të ftoni kolegët:
    { $link }
email-organizer-rejected-subject = Aplikimi i { $organization }
email-organizer-rejected-body =
    Përshëndetje { $name },

    fatkeqësisht aplikimi i { $organization } nuk u miratua. Për pyetje përgjigjuni këtij mesazhi.
