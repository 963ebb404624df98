# Mentore · errors · it

## Error messages: error pages and form field errors. Say what is wrong and, where possible, what to
## do.

error-title = Qualcosa non va
error-back-home = Torna alla pagina iniziale
error-required = Questo campo è obbligatorio.
error-too-long = Il testo è troppo lungo.
error-control-character = Il testo contiene un carattere non ammesso qui, come un a capo in un campo di una sola riga.
error-too-short = Il testo è troppo corto.
error-invalid-email = Questo indirizzo e-mail non è valido.
error-invalid-value = Questo valore non è valido.
error-invalid-date = Questa data non è valida.
error-end-before-start = La fine deve venire dopo l'inizio.
error-negative = Il valore non può essere negativo.
error-email-taken = Esiste già un account con questo indirizzo.
# An organisation with a very similar name already exists.
error-slug-taken = Questo nome è già in uso.
error-wrong-credentials = E-mail o password non corretti.
# Too many failed log-ins or requests in a short time.
error-rate-limited = Troppi tentativi. Riprova tra qualche minuto.
error-token-invalid = Questo link non è valido o è scaduto.
error-not-found = Pagina non trovata.
error-forbidden = Non hai accesso a questa pagina.
error-unauthenticated = Accedi per continuare.
# The page was open too long (its security token expired).
error-csrf = Il modulo è scaduto. Ricarica la pagina e riprova.
# Shown when the same action is sent twice (e.g. a double click).
error-conflict = Questa operazione è già stata eseguita.
error-password-mismatch = Le due password non coincidono.
error-unknown-time-zone = Fuso orario sconosciuto.
error-unknown-currency = Valuta non gestita.
error-already-member = Questa persona è già membro.
# An organisation always keeps at least one manager.
error-last-manager = Non si può rimuovere l'ultimo responsabile.
error-last-coordinator = Non si può rimuovere l'ultimo coordinatore.
error-bad-request = La richiesta non è valida.
error-server = Errore interno. Riprova più tardi.
error-fund-closed = Questo fondo è chiuso: non accetta più contributi.
error-currency-mismatch = La valuta è diversa da quella del fondo.
error-amount-too-large = Supera il limite per un singolo contributo.
error-amount-too-small = L'importo deve essere maggiore di zero.
error-too-many-places = Troppi posti per un singolo contributo.
# The same form or API request was sent again with different content.
error-amount-mismatch = L'importo ricevuto è diverso da quello del contributo.
error-payment-unavailable = Questo metodo di pagamento non è disponibile.
error-provider-unreachable = Il servizio di pagamento non ha risposto: non è stato addebitato nulla. Riprova tra qualche minuto.
error-signature-invalid = La firma di questa notifica manca, è errata o è troppo vecchia.
error-nothing-to-refund = Di questo contributo non resta nulla da rimborsare.
error-refund-under-way = Un altro rimborso di questo contributo è in corso. Riprova tra un minuto.
error-csv-malformed = Questo file non è un CSV valido: delle virgolette non sono chiuse, oppure c'è del testo dopo quelle di chiusura.
error-csv-empty = Nel file non c'è nessuna persona: dopo la riga con i nomi delle colonne, scrivi una persona per riga.
error-csv-header = Nome di colonna sconosciuto o ripetuto: i nomi da usare sono indicati accanto al campo del file.
error-csv-too-large = Troppe righe: carica al massimo 500 persone alla volta.
error-csv-columns = Questa riga ha più o meno campi della riga con i nomi delle colonne.
error-duplicate-row = Questa persona c'è già in una riga precedente.
error-not-enough-vouchers = Non ci sono abbastanza voucher liberi per tutte le persone dell'elenco.
error-nothing-to-allocate = Tutti i voucher di questo contributo sono già presso un partner, o in uso.
error-voucher-unknown = Non esiste nessun voucher con questo codice.
error-voucher-typo = In questo codice c'è un errore di battitura: controllalo carattere per carattere.
error-voucher-malformed = Questo non è un codice voucher: è fatto di cinque gruppi di quattro lettere e cifre.
error-voucher-taken = Questo voucher è già stato assegnato a qualcuno.
error-voucher-in-use = Questo voucher è in uso o già usato: non si può più ritirare.
error-too-many-tokens = Hai già il numero massimo di token API per un account: prima revocane uno che non usi più.
error-idempotency-key-required = Le richieste di scrittura richiedono un'intestazione «Idempotency-Key»: da 8 a 100 lettere, cifre, «-» o «_», nuova per ogni richiesta.
error-idempotency-in-progress = Una richiesta con questa Idempotency-Key è ancora in corso. Riprova tra un momento.
error-idempotency-mismatch = È già stato usato per una richiesta diversa (lo stesso modulo, o la stessa Idempotency-Key con altri dati). Ricarica la pagina, o usa una chiave nuova, e riprova.
error-method-not-allowed = Questo indirizzo non accetta questo metodo.
error-unknown-parameter = Questa richiesta ha un parametro che l'operazione non accetta.
error-circuit-no-steps = Un percorso deve avere almeno una tappa per essere pubblicato.
error-step-without-session = Questa tappa non offre eventi con una sessione ancora da svolgere.
error-completion-too-large = Il numero di tappe da completare deve essere tra uno e il numero delle tappe.
error-not-in-circuit = Questo evento non è una tappa del percorso.
error-step-done = Questa tappa è già stata frequentata.
error-step-reserved = Per questa tappa è già prenotata una sessione: modifica quella prenotazione.
error-prerequisite-missing = Prima vengono le tappe precedenti: frequentale o prenotale in date anteriori.
error-session-full = Questa sessione è al completo: scegli un'altra data.
error-reservation-closed = Le prenotazioni per questa sessione sono chiuse: inizia a breve o è già iniziata.
error-not-for-voucher = Questo voucher non copre quell'evento.
error-voucher-not-nominated = Questo voucher non è ancora stato assegnato a nessuno, oppure è stato ritirato: chiedi all'associazione che te l'ha dato.
error-voucher-expired = Questo voucher è scaduto.
error-voucher-cancelled = Questo voucher è stato annullato.
error-voucher-completed = Tutte le tappe coperte da questo voucher sono già state frequentate.
error-outside-validity = Questa sessione è fuori dal periodo in cui il voucher si può usare.
error-reservation-needed = La prenotazione di una tappa successiva dipende da questa: modifica o annulla prima quella.
error-reservation-missing = Non c'è una prenotazione per questa sessione.
error-already-redeemed = Questa tappa è già stata registrata all'ingresso con questo voucher.
error-certificate-unknown = Nessun attestato ha questo codice. Controllalo lettera per lettera: un attestato che non risulta qui non è autentico.
error-wrong-organizer = Questa data è di un altro organizzatore: non si può registrare l'ingresso qui.
error-session-not-today = Questa data non è oggi: gli ingressi si registrano il giorno stesso.
error-void-too-late = Un ingresso si può annullare solo entro 15 minuti.
error-void-not-possible = Questo ingresso non si può più annullare: il fondo ha già usato quel valore.
error-nonce-reused = Il nonce di questa scansione è già stato usato per una richiesta diversa.
error-device-unknown = Questo dispositivo non è riconosciuto, oppure il suo accesso è stato revocato.
error-session-has-reservations = Qualcuno ha prenotato o frequentato questa data: non si può eliminare. Aggiungi piuttosto un'altra data e avvisa le persone.
error-period-open = Questo periodo non è ancora concluso: i suoi ingressi possono ancora cambiare. Scegli un ultimo giorno prima di oggi.
error-period-too-long = Una liquidazione copre al massimo un anno.
error-settlement-overlaps = Questo organizzatore ha già una liquidazione per una parte di questo periodo. Comincia dopo il suo ultimo giorno.
error-settlement-empty = Niente da liquidare in questo periodo: nessun ingresso in attesa e nessun annullamento da sottrarre.
error-token-malformed = Questo non è il codice firmato di un voucher: inquadra di nuovo il QR del voucher.
error-token-unknown-key = Il codice firmato di questo voucher viene da una chiave sconosciuta: non è un voucher di Mentore, o è vecchio. Digita invece il codice del voucher.
error-token-tampered = Il codice firmato di questo voucher è stato alterato: non far entrare. Digita il codice stampato per verificarlo.
error-token-expired = Questo voucher è scaduto.
error-token-not-yet-valid = Questo voucher non è ancora valido.
error-scan-time-invalid = L'ora della scansione è nel futuro o di più di una settimana fa: controlla l'orologio del dispositivo.
