# Mentore · errors · sq

## Error messages: error pages and form field errors. Say what is wrong and, where possible, what to
## do.

error-title = Diçka nuk shkon
error-back-home = Kthehu te faqja kryesore
error-required = Kjo fushë është e detyrueshme.
error-too-long = Teksti është shumë i gjatë.
error-control-character = Teksti përmban një karakter që nuk lejohet këtu, si një ndërprerje rreshti në një fushë me një rresht.
error-too-short = Teksti është shumë i shkurtër.
error-invalid-email = Kjo adresë e-maili nuk është e vlefshme.
error-invalid-value = Kjo vlerë nuk është e vlefshme.
error-invalid-date = Kjo datë nuk është e vlefshme.
error-end-before-start = Mbarimi duhet të vijë pas fillimit.
error-negative = Vlera nuk mund të jetë negative.
error-email-taken = Ekziston tashmë një llogari me këtë adresë.
# An organisation with a very similar name already exists.
error-slug-taken = Ky emër është tashmë në përdorim.
error-wrong-credentials = E-maili ose fjalëkalimi nuk janë të saktë.
# Too many failed log-ins or requests in a short time.
error-rate-limited = Shumë përpjekje. Provoni përsëri pas disa minutash.
error-token-invalid = Kjo lidhje nuk është e vlefshme ose ka skaduar.
error-not-found = Faqja nuk u gjet.
error-forbidden = Nuk keni qasje në këtë faqe.
error-unauthenticated = Hyni për të vazhduar.
# The page was open too long (its security token expired).
error-csrf = Formulari ka skaduar. Ringarkoni faqen dhe provoni përsëri.
# Shown when the same action is sent twice (e.g. a double click).
error-conflict = Ky veprim është kryer tashmë.
error-password-mismatch = Dy fjalëkalimet nuk përputhen.
error-unknown-time-zone = Zonë kohore e panjohur.
error-unknown-currency = Kjo monedhë nuk mbështetet.
error-already-member = Ky person është tashmë anëtar.
# An organisation always keeps at least one manager.
error-last-manager = Menaxheri i fundit nuk mund të hiqet.
error-last-coordinator = Koordinatori i fundit nuk mund të hiqet.
error-bad-request = Kërkesa nuk është e vlefshme.
error-server = Gabim i brendshëm. Provoni përsëri më vonë.
error-fund-closed = Ky fond është i mbyllur: nuk pranon më kontribute.
error-currency-mismatch = Monedha është e ndryshme nga ajo e fondit.
error-amount-too-large = Kjo e kalon kufirin për një kontribut të vetëm.
error-amount-too-small = Shuma duhet të jetë më e madhe se zero.
error-too-many-places = Shumë vende për një kontribut të vetëm.
# The same form or API request was sent again with different content.
error-amount-mismatch = Shuma e marrë është e ndryshme nga shuma e kontributit.
error-payment-unavailable = Kjo mënyrë pagese nuk është e disponueshme.
error-provider-unreachable = Shërbimi i pagesave nuk u përgjigj: nuk u tarifua asgjë. Provoni sërish pas pak minutash.
error-signature-invalid = Nënshkrimi i këtij njoftimi mungon, është i gabuar ose shumë i vjetër.
error-nothing-to-refund = Nga ky kontribut nuk ka mbetur asgjë për t’u rimbursuar.
error-refund-under-way = Një rimbursim tjetër i këtij kontributi është në vazhdim. Provoni sërish pas një minute.
error-csv-malformed = Ky skedar nuk është CSV i vlefshëm: një thonjëz nuk mbyllet, ose pas thonjëzës mbyllëse ka tekst.
error-csv-empty = Në skedar nuk ka asnjë person: pas rreshtit me emrat e kolonave, shkruani një person për rresht.
error-csv-header = Emër kolone i panjohur ose i përsëritur: emrat që duhen përdorur janë dhënë pranë fushës së skedarit.
error-csv-too-large = Shumë rreshta: ngarkoni jo më shumë se 500 persona njëherësh.
error-csv-columns = Ky rresht ka më shumë ose më pak fusha se rreshti me emrat e kolonave.
error-duplicate-row = Ky person gjendet tashmë në një rresht më sipër.
error-not-enough-vouchers = Nuk ka mjaftueshëm vauçerë të lirë për të gjithë personat e listës.
error-nothing-to-allocate = Të gjithë vauçerët e këtij kontributi janë tashmë te një partner, ose në përdorim.
error-voucher-unknown = Nuk ka asnjë vauçer me këtë kod.
error-voucher-typo = Ky kod ka një gabim shkrimi: kontrollojeni shkronjë për shkronjë.
error-voucher-malformed = Ky nuk është kod vauçeri: ka pesë grupe me katër shkronja dhe shifra.
error-voucher-taken = Ky vauçer i është dhënë tashmë dikujt.
error-voucher-in-use = Ky vauçer është në përdorim ose i përdorur: nuk mund të tërhiqet më.
error-too-many-tokens = Keni tashmë numrin maksimal të tokenëve API për një llogari: së pari revokoni një që nuk e përdorni më.
error-idempotency-key-required = Kërkesat e shkrimit kanë nevojë për kokën «Idempotency-Key»: nga 8 deri në 100 shkronja, shifra, «-» ose «_», e re për çdo kërkesë.
error-idempotency-in-progress = Një kërkesë me këtë Idempotency-Key është ende në përpunim. Provoni përsëri pas pak.
error-idempotency-mismatch = Është përdorur tashmë për një kërkesë tjetër (i njëjti formular, ose i njëjti Idempotency-Key me të dhëna të tjera). Ringarkoni faqen, ose përdorni një çelës të ri, dhe provoni përsëri.
error-method-not-allowed = Kjo adresë nuk e pranon këtë metodë.
error-unknown-parameter = Kjo kërkesë ka një parametër që veprimi nuk e pranon.
error-circuit-no-steps = Një rrugëtim duhet të ketë të paktën një hap para se të publikohet.
error-step-without-session = Ky hap nuk ofron asnjë ngjarje me një seancë që ende nuk ka ndodhur.
error-completion-too-large = Numri i hapave për t’u përfunduar duhet të jetë nga një deri te numri i hapave.
error-not-in-circuit = Kjo ngjarje nuk është hap i rrugëtimit.
error-step-done = Ky hap është ndjekur tashmë.
error-step-reserved = Për këtë hap është rezervuar tashmë një seancë: ndryshoni atë rezervim.
error-prerequisite-missing = Së pari vijnë hapat e mëparshëm: ndiqini ose rezervojini në data më të hershme.
error-session-full = Kjo seancë është e plotë: zgjidhni një datë tjetër.
error-reservation-closed = Rezervimet për këtë seancë janë mbyllur: fillon së shpejti ose ka filluar.
error-not-for-voucher = Ky vauçer nuk e paguan atë ngjarje.
error-voucher-not-nominated = Ky vauçer nuk i është dhënë ende askujt, ose është tërhequr: pyesni shoqatën që jua dha.
error-voucher-expired = Ky vauçer ka skaduar.
error-voucher-cancelled = Ky vauçer është anuluar.
error-voucher-completed = Të gjithë hapat që paguan ky vauçer janë ndjekur.
error-outside-validity = Kjo seancë është jashtë periudhës kur vauçeri mund të përdoret.
error-reservation-needed = Rezervimi i një hapi të mëvonshëm varet nga ky: ndryshoni ose anuloni së pari atë.
error-reservation-missing = Nuk ka rezervim për këtë seancë.
error-already-redeemed = Ky hap është regjistruar tashmë në hyrje me këtë vauçer.
error-certificate-unknown = Asnjë certifikatë nuk ka këtë kod. Kontrollojeni shkronjë për shkronjë: një certifikatë që nuk gjendet këtu nuk është autentike.
error-wrong-organizer = Kjo datë i përket një organizatori tjetër: hyrja nuk mund të regjistrohet këtu.
error-session-not-today = Kjo datë nuk është sot: hyrjet regjistrohen në ditën e ngjarjes.
error-void-too-late = Një hyrje mund të anulohet vetëm brenda 15 minutave.
error-void-not-possible = Kjo hyrje nuk mund të anulohet më: fondi e ka përdorur tashmë atë vlerë.
error-nonce-reused = Nonce-i (kodi njëpërdorimësh) i këtij skanimi është përdorur tashmë për një kërkesë tjetër.
error-device-unknown = Kjo pajisje nuk njihet, ose qasja e saj është revokuar.
error-session-has-reservations = Dikush e ka rezervuar ose ndjekur këtë datë: nuk mund të fshihet. Shtoni më mirë një datë tjetër dhe njoftoni njerëzit.
error-period-open = Kjo periudhë nuk ka mbaruar ende: hyrjet e saj mund të ndryshojnë. Zgjidhni një ditë të fundit para sotit.
error-period-too-long = Një shlyerje mbulon më së shumti një vit.
error-settlement-overlaps = Ky organizator ka tashmë një shlyerje për një pjesë të kësaj periudhe. Filloni pas ditës së saj të fundit.
error-settlement-empty = Asgjë për të shlyer në këtë periudhë: asnjë hyrje në pritje dhe asgjë e anuluar për t’u zbritur.
error-token-malformed = Ky nuk është kodi i nënshkruar i një vauçeri: skanoni përsëri kodin QR të vauçerit.
error-token-unknown-key = Kodi i nënshkruar i këtij vauçeri vjen nga një çelës i panjohur: nuk është vauçer i Mentore-s, ose është i vjetër. Shkruani më mirë kodin e vauçerit.
error-token-tampered = Kodi i nënshkruar i këtij vauçeri është ndryshuar: mos e lejoni hyrjen. Shkruani kodin e shtypur për ta verifikuar.
error-token-expired = Ky vauçer ka skaduar.
error-token-not-yet-valid = Ky vauçer nuk është ende i vlefshëm.
error-scan-time-invalid = Ora e skanimit është në të ardhmen ose më shumë se një javë më parë: kontrolloni orën e pajisjes.
