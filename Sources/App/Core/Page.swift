import Domain
import Vapor

/// What every page's layout needs, around the page's own content.
struct Page<Content: Encodable>: Encodable {
    struct Link: Encodable {
        var href: String
        var label: String
        var current: Bool = false
        var lang: String? = nil
    }

    var lang: String
    var title: String
    /// The language of the title when it is content shown in another language than the page's.
    var titleLang: String? = nil
    /// An installable app's manifest (the scanner page).
    var manifest: String? = nil
    var user: String?
    var nav: [Link]
    var languages: [Link]
    var homePath = SiteRoute.home.path
    var logoutPath = SiteRoute.logout.path
    var content: Content

    init(_ request: Request, title: String, content: Content) {
        self.lang = request.language
        self.title = title
        self.user = request.currentUser?.displayName
        self.content = content
        let path = request.url.path
        var nav = [
            Link(href: SiteRoute.events.path, label: request.t("nav-events")),
            Link(href: SiteRoute.circuits.path, label: request.t("nav-circuits")),
        ]
        if let user = request.currentUser {
            nav.append(Link(href: SiteRoute.dashboard.path, label: request.t("nav-dashboard")))
            if user.isAdmin { nav.append(Link(href: SiteRoute.adminHome.path, label: request.t("nav-admin"))) }
        } else {
            nav.append(Link(href: SiteRoute.login().path, label: request.t("nav-login")))
            nav.append(Link(href: SiteRoute.signUp.path, label: request.t("nav-signup")))
        }
        self.nav = nav.map { link in
            var link = link
            link.current = link.href == path
            return link
        }
        let here = path + (request.url.query.map { "?" + $0 } ?? "")
        let encoded = here.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        self.languages = Language.allCases.map { language in
            Link(
                href: SiteRoute.language(.value(language.rawValue)).path + "?next=" + encoded,
                label: request.t("language-self-\(language.rawValue)"), current: language.rawValue == request.language,
                lang: language.rawValue)
        }
    }
}

/// A form rendered by the shared `form` template: one description per field.
struct FormView: Encodable {
    struct Option: Encodable {
        var value: String
        var label: String
        var selected: Bool
        /// Words typed by people (an event's title), never translated (`translate="no"`).
        var data = false
    }

    struct Field: Encodable {
        var name: String
        var label: String
        /// text, email, password, textarea, select, checkboxes, datetime-local, number, hidden
        var type: String
        var value: String = ""
        var hint: String? = nil
        var error: String? = nil
        var required: Bool = true
        var autocomplete: String? = nil
        var options: [Option] = []
        var lang: String? = nil
        /// For `file` inputs: the types offered by the file picker.
        var accept: String? = nil
        /// The ids of the hint and error that describe the input, set by `apply(errors:summary:)`.
        var describedBy: String? = nil
    }

    var action: String
    var submit: String
    var fields: [Field]
    /// `post` (with the CSRF token) or `get` (a search-like form that changes nothing).
    var method = "post"
    var intro: String? = nil
    var error: String? = nil
    var links: [Page<FormView>.Link] = []
    var notice: String? = nil
    /// Shows the form (its submit button) even without fields: a confirmation.
    var confirms = false
    /// `multipart/form-data` for a form that uploads a file.
    var enctype: String? = nil

    private enum CodingKeys: String, CodingKey {
        case action, submit, fields, intro, error, links, notice, hasFields, method, enctype
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(action, forKey: .action)
        try c.encode(method, forKey: .method)
        try c.encode(submit, forKey: .submit)
        try c.encode(fields, forKey: .fields)
        try c.encodeIfPresent(intro, forKey: .intro)
        try c.encodeIfPresent(error, forKey: .error)
        try c.encode(links, forKey: .links)
        try c.encodeIfPresent(notice, forKey: .notice)
        try c.encodeIfPresent(enctype, forKey: .enctype)
        try c.encode(!fields.isEmpty || confirms, forKey: .hasFields)
    }
}

/// A table rendered by the shared `list` template, with optional per-row actions.
struct ListView: Encodable {
    struct Action: Encodable {
        var href: String
        var label: String
        /// `post` renders a button in a small form; `get` a link.
        var method: String = "get"
    }

    /// One table cell: catalog text, or data (names, addresses, e-mails: `translate="no"`, and
    /// the language it is written in when known), or an instant (`<time datetime>`).
    struct Cell: Encodable {
        var text: String
        var data = false
        var lang: String? = nil
        var datetime: String? = nil

        /// Words from the catalogs, in the page's language.
        static func text(_ text: String) -> Cell { Cell(text: text) }
        /// Words typed by people (names, places, addresses), never translated.
        static func data(_ text: String, lang: String? = nil) -> Cell { Cell(text: text, data: true, lang: lang) }
        /// A moment, shown as formatted for the reader.
        static func time(_ date: Date, _ shown: String) -> Cell {
            Cell(text: shown, datetime: date.formatted(.iso8601))
        }
    }

    struct Row: Encodable {
        var cells: [Cell]
        var link: String? = nil
        var actions: [Action] = []
        /// What a reorderable table sends for this row (its id).
        var key: String? = nil
    }

    /// Rows that may be dragged into a new order (progressive: the rows' own buttons work
    /// without JavaScript); the new order of keys is posted to `action` as `order`.
    struct Reorder: Encodable {
        var action: String
        var hint: String
    }

    var intro: Cell? = nil
    var columns: [String]
    var rows: [Row]
    var empty: String
    var links: [Action] = []
    var notice: String? = nil
    /// Something shown once and never again (a new API token): a label and the value to copy.
    var secret: Secret? = nil
    /// A form shown under the table (for example an invitation form).
    var form: FormView? = nil
    var reorder: Reorder? = nil

    private enum CodingKeys: String, CodingKey {
        case intro, columns, rows, empty, links, notice, secret, form, hasRows, reorder
    }

    struct Secret: Encodable {
        var label: String
        var value: String
        var hint: String
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(intro, forKey: .intro)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(empty, forKey: .empty)
        try c.encode(links, forKey: .links)
        try c.encodeIfPresent(notice, forKey: .notice)
        try c.encodeIfPresent(secret, forKey: .secret)
        try c.encodeIfPresent(form, forKey: .form)
        try c.encodeIfPresent(reorder, forKey: .reorder)
        try c.encode(!rows.isEmpty, forKey: .hasRows)
    }
}

extension Request {
    /// Renders a page with the shared layout.
    func page<Content: Encodable>(
        _ template: String, title: String, titleLang: String? = nil, _ content: Content, status: HTTPStatus = .ok,
        manifest: String? = nil
    ) async throws -> Response {
        var page = Page(self, title: title, content: content)
        page.titleLang = titleLang
        page.manifest = manifest
        let response = try await view.render(template, page).encodeResponse(for: self)
        response.status = status
        return response
    }

    /// Localized messages for the field errors of a failed form.
    func messages(for errors: ValidationErrors) -> [String: String] {
        var messages: [String: String] = [:]
        for error in errors.errors {
            messages[error.field ?? "form"] = t("error-\(error.code.rawValue)")
        }
        return messages
    }
}
