### Command-line messages: `mentore …` in a terminal. Keep the command and option
### names (serve, --locale, …) untranslated: they are typed as they are.

cli-usage = Usage: mentore serve [--hostname H] [--port P] | migrate --yes | seed --demo | seed --bench N --out FILE | admin create --email E --password P | ledger check | vouchers expire | tokens create --user EMAIL --label L | tokens create --organizer SLUG --label L | door admit --code CODE --session ID [--at TIME] | purge | backup --to FILE | i18n lint | stats | parse | format | plural
# $email is the administrator's e-mail address.
cli-admin-created = Administrator ready: { $email }
# $count: how many records the seed created this time (0 when the demo data was already there).
cli-seed-done =
    { $count ->
        [0] Demo data already in place (nothing new).
        [one] Demo data ready (one new record).
       *[other] Demo data ready ({ $count } new records).
    }
# Followed by one line per demo account; $password is the shared demo password.
cli-seed-logins = Demo logins (demonstration only), password { $password }:

## mentore i18n …

cli-i18n-usage =
    Usage: mentore i18n lint [--locales DIR] [--sources DIR …]
           mentore i18n stats [--locales DIR]
           mentore i18n parse FILE.ftl…
           mentore i18n format --locale L [--file F.ftl …] [--isolate] MESSAGE_ID[.attribute] [name=value …]
           mentore i18n plural --locale L [--ordinal] N… (or - to read numbers from standard input)
# $path is the file name given on the command line.
cli-i18n-unreadable = Cannot read { $path }.
# $locale is what was typed after --locale; the codes listed stay as they are.
cli-i18n-unknown-locale = Unknown locale “{ $locale }”: use it, sq, en or en-XA.
# $id is the message id, $locale the language code.
cli-i18n-no-message = There is no message “{ $id }” in { $locale }.
# $value is what was typed instead of a number.
cli-i18n-not-a-number = “{ $value }” is not a number (write digits, for example 5 or 1.50).
# $language: a language code; $percent: how complete it is compared with English.
cli-stats-row = { $language }: messages: { $messages }, words: { $words }, missing: { $missing }, { $percent } % complete

## mentore i18n lint: one line per problem, after "file:line:column:".
## $subject is the message id, reference or category concerned.

cli-lint-syntax = syntax error: { $subject ->
        [unexpected-end] the file ends in the middle of an entry
        [unexpected-line-end] unexpected end of line
       *[other] unexpected character
    }; the entry is skipped
cli-lint-duplicate = “{ $subject }” is defined twice; the first definition is used
# $detail: the language code that lacks the message.
cli-lint-missing = “{ $subject }” is missing in { $detail }
cli-lint-obsolete = “{ $subject }” is not in en any more: remove it
cli-lint-undefined-message = reference to an undefined message “{ $subject }”
cli-lint-undefined-term = reference to an undefined term “{ $subject }”
# $detail: the variables the English message uses.
cli-lint-variables = “{ $subject }” must use the same variables as en ({ $detail })
cli-lint-plural-category = the selector lacks the plural category “{ $subject }” of this language
cli-lint-unknown-key = “{ $subject }” is used in the code but missing in en
cli-lint-unused-key = “{ $subject }” is not used anywhere
cli-lint-forbidden-term = “{ $subject }” does not use the glossary's term: { $detail }
cli-lint-missing-term = “{ $subject }” should name the glossary's term “{ $detail }”
cli-lint-count-outside-selector = “{ $subject }” puts a count before a word without a plural selector ({ $detail }): use a selector, or “Label: n”
cli-lint-quotation-mark = “{ $subject }” uses a quotation mark or apostrophe this language does not write ({ $detail })
cli-lint-article-before-date = “{ $subject }” has an article before a date ({ $detail }): write “in data …” or “Label: date”
# Last line of the lint report; $count is the number of problems.
cli-lint-summary =
    { $count ->
        [0] No problems found.
        [one] One problem found.
       *[other] { $count } problems found.
    }

## Resolver errors, printed by `mentore i18n format`. $name is what was missing.

i18n-error-unknown-variable = Unknown variable: { $name }
i18n-error-unknown-message = Unknown message: { $name }
i18n-error-unknown-attribute = Unknown attribute: { $name }
i18n-error-no-value = The message { $name } has no value
i18n-error-unknown-term = Unknown term: { $name }
i18n-error-unknown-function = Unknown function: { $name }
i18n-error-cyclic-reference = Cyclic reference: { $name }
i18n-error-too-many-placeables = Too many placeables expanded (more than { $name })
i18n-error-invalid-argument = Invalid argument to { $name }

## mentore backup --to FILE and mentore purge.

# $path is the file named on the command line.
cli-backup-done = A consistent copy of the database was written to { $path }.
cli-backup-exists = { $path } exists already: name a new file.
cli-backup-postgres = On PostgreSQL, make backups with pg_dump (see “Deploying” in the README).
# $count is a whole number.
cli-purge-done = Rows past their retention removed: { $count }.

## mentore ledger check. $transactions and $accounts are numbers; $detail describes one
## breach (in English, for the developers).

cli-ledger-ok = Ledger checked, no breach (transactions: { $transactions }, balances: { $accounts }).
cli-ledger-breach = ledger breach: { $detail }
# $count: how many vouchers passed their date unused and were expired now.
cli-vouchers-expired = { $count ->
        [one] One voucher expired; its value went back to its fund.
       *[other] { $count } vouchers expired; their value went back to their funds.
    }
cli-vouchers-reallocated = { $count ->
        [one] One of them became a new voucher for the next person on a waiting list.
       *[other] { $count } of them became new vouchers for the next people on waiting lists.
    }
# $count: how many contributions had unused value given back to their mentor (rule "refund").
cli-vouchers-refunded = { $count ->
        [one] The unused value of one contribution was refunded to its mentor.
       *[other] The unused value of { $count } contributions was refunded to their mentors.
    }
# $email is the e-mail address given on the command line.
cli-user-unknown = No user has the e-mail address { $email }.
cli-door-admitted = Admitted.
# $code: the certificate's verification code.
cli-door-certificate = The path is complete: certificate { $code }.
# $date: when the first admission was made (date and time, already formatted).
cli-door-already-used = Already used: admitted on { $date }.
# $slug: the short name typed after --organizer.
cli-organizer-unknown = No organizer has the short name { $slug }.
