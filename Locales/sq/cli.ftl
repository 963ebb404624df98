### Mesazhet e rreshtit të komandave (`mentore …` në terminal). Emrat e komandave dhe
### të opsioneve (serve, --locale, …) mbeten të pandryshuar: shkruhen ashtu siç janë.

cli-usage = Përdorimi: mentore serve [--hostname H] [--port P] | migrate --yes | seed --demo | seed --bench N --out FILE | admin create --email E --password P | ledger check | vouchers expire | tokens create --user EMAIL --label L | tokens create --organizer SLUG --label L | door admit --code CODE --session ID [--at TIME] | purge | backup --to FILE | i18n lint | stats | parse | format | plural
# $email is the administrator’s e-mail address.
cli-admin-created = Administratori është gati: { $email }
# $count: sa regjistrime krijoi seed-i këtë herë (0 kur të dhënat ishin tashmë aty).
cli-seed-done =
    { $count ->
        [0] Të dhënat demonstruese janë tashmë në vend (asgjë e re).
        [one] Të dhënat demonstruese janë gati (një regjistrim i ri).
       *[other] Të dhënat demonstruese janë gati ({ $count } regjistrime të reja).
    }
# Followed by one line per demo account; $password is the shared demo password.
cli-seed-logins = Hyrje demonstruese (vetëm për provë), fjalëkalimi { $password }:

## mentore i18n …

cli-i18n-usage =
    Përdorimi: mentore i18n lint [--locales DOSJA] [--sources DOSJA …]
               mentore i18n stats [--locales DOSJA]
               mentore i18n parse SKEDARI.ftl…
               mentore i18n format --locale L [--file F.ftl …] [--isolate] ID_MESAZHI[.atributi] [emri=vlera …]
               mentore i18n plural --locale L [--ordinal] N… (ose - për t’i lexuar numrat nga hyrja standarde)
# $path is the file name given on the command line.
cli-i18n-unreadable = { $path } nuk mund të lexohet.
# $locale is what was typed after --locale; the codes listed stay as they are.
cli-i18n-unknown-locale = Gjuhë e panjohur «{ $locale }»: përdorni it, sq, en ose en-XA.
# $id is the message id, $locale the language code.
cli-i18n-no-message = Mesazhi «{ $id }» nuk ekziston në { $locale }.
# $value is what was typed instead of a number.
cli-i18n-not-a-number = «{ $value }» nuk është numër (shkruani shifra, për shembull 5 ose 1.50).
# $language: kodi i gjuhës; $percent: sa e plotë është krahasuar me anglishten.
cli-stats-row = { $language }: mesazhe: { $messages }, fjalë: { $words }, mungojnë: { $missing }, { $percent } % e plotë

## mentore i18n lint: një rresht për çdo problem, pas «skedari:rreshti:kolona:».
## $subject është id-ja e mesazhit, referenca ose kategoria në fjalë.

cli-lint-syntax = gabim sintakse: { $subject ->
        [unexpected-end] skedari mbaron në mes të një zëri
        [unexpected-line-end] fund rreshti i papritur
       *[other] shenjë e papritur
    }; zëri anashkalohet
cli-lint-duplicate = «{ $subject }» është përcaktuar dy herë; vlen përcaktimi i parë
# $detail: kodi i gjuhës ku mungon mesazhi.
cli-lint-missing = «{ $subject }» mungon në { $detail }
cli-lint-obsolete = «{ $subject }» nuk ekziston më në en: duhet hequr
cli-lint-undefined-message = referencë te një mesazh i papërcaktuar «{ $subject }»
cli-lint-undefined-term = referencë te një term i papërcaktuar «{ $subject }»
# $detail: ndryshoret që përdor mesazhi anglisht.
cli-lint-variables = «{ $subject }» duhet të përdorë të njëjtat ndryshore si en ({ $detail })
cli-lint-plural-category = përzgjedhësit i mungon kategoria e shumësit «{ $subject }» e kësaj gjuhe
cli-lint-unknown-key = «{ $subject }» përdoret në kod, por mungon në en
cli-lint-unused-key = «{ $subject }» nuk përdoret askund
cli-lint-forbidden-term = «{ $subject }» nuk përdor termin e fjalorthit: { $detail }
cli-lint-missing-term = «{ $subject }» duhet të përdorë termin e fjalorthit «{ $detail }»
cli-lint-count-outside-selector = «{ $subject }» vendos një numër para një fjale pa përzgjedhës shumësi ({ $detail }): përdorni një përzgjedhës ose «Etiketa: n»
cli-lint-quotation-mark = «{ $subject }» përdor thonjëza ose apostrof që kjo gjuhë nuk i shkruan ({ $detail })
cli-lint-article-before-date = «{ $subject }» ka një nyjë para një date ({ $detail }): shkruani «in data …» ose «Etiketa: data»
# Last line of the lint report; $count is the number of problems.
cli-lint-summary =
    { $count ->
        [0] Asnjë problem.
        [one] U gjet një problem.
       *[other] U gjetën { $count } probleme.
    }

## Gabimet e zgjidhjes, të shtypura nga `mentore i18n format`. $name është ajo që mungon.

i18n-error-unknown-variable = Ndryshore e panjohur: { $name }
i18n-error-unknown-message = Mesazh i panjohur: { $name }
i18n-error-unknown-attribute = Atribut i panjohur: { $name }
i18n-error-no-value = Mesazhi { $name } nuk ka vlerë
i18n-error-unknown-term = Term i panjohur: { $name }
i18n-error-unknown-function = Funksion i panjohur: { $name }
i18n-error-cyclic-reference = Referencë rrethore: { $name }
i18n-error-too-many-placeables = Janë zgjeruar shumë vendmbajtës (më shumë se { $name })
i18n-error-invalid-argument = Argument i pavlefshëm për { $name }

## mentore backup --to FILE and mentore purge.

# $path is the file named on the command line.
cli-backup-done = Një kopje e njëtrajtshme e bazës së të dhënave u shkrua në { $path }.
cli-backup-exists = { $path } ekziston tashmë: jepni një skedar të ri.
cli-backup-postgres = Me PostgreSQL, kopjet rezervë bëhen me pg_dump (shihni «Deploying» në README).
# $count is a whole number.
cli-purge-done = Rreshta të hequr pas afatit të ruajtjes: { $count }.

## mentore ledger check. $transactions and $accounts are numbers; $detail describes one
## breach (in English, for the developers).

cli-ledger-ok = Libri kontabël u kontrollua, asnjë shkelje (transaksione: { $transactions }, gjendje: { $accounts }).
cli-ledger-breach = shkelje e librit kontabël: { $detail }
# $count: how many vouchers passed their date unused and were expired now.
cli-vouchers-expired = { $count ->
        [one] Një vauçer skadoi; vlera e tij u kthye në fondin e vet.
       *[other] { $count } vauçerë skaduan; vlera e tyre u kthye në fondet e veta.
    }
cli-vouchers-reallocated = { $count ->
        [one] Njëri prej tyre u bë vauçer i ri për personin e radhës në një listë pritjeje.
       *[other] { $count } prej tyre u bënë vauçerë të rinj për personat e radhës në listat e pritjes.
    }
# $count: how many contributions had unused value given back to their mentor (rule "refund").
cli-vouchers-refunded = { $count ->
        [one] Vlera e papërdorur e një kontributi iu rimbursua mentorit të tij.
       *[other] Vlera e papërdorur e { $count } kontributeve iu rimbursua mentorëve të tyre.
    }
# $email is the e-mail address given on the command line.
cli-user-unknown = Nuk ka përdorues me adresën e e-mailit { $email }.
cli-door-admitted = U pranua.
cli-door-certificate = Rrugëtimi u përfundua: certifikata { $code }.
cli-door-already-used = Përdorur tashmë: pranuar më { $date }.
# $slug: the short name typed after --organizer.
cli-organizer-unknown = Asnjë organizator nuk ka emrin e shkurtër { $slug }.
