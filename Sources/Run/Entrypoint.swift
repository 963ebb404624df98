import App
import Foundation
import Logging
import Vapor

@main
enum Entrypoint {
    static func main() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            try await configure(app)
            try await app.execute()
            try await app.asyncShutdown()
        } catch let exit as CommandExit {
            // The command has already said why.
            try? await app.asyncShutdown()
            Foundation.exit(exit.status)
        } catch {
            // A wrong command line or configuration is the user's to fix: say what and how, no backtrace.
            let usage =
                app.storage.contains(AppServicesKey.self)
                ? app.mentore.localizer.t("cli-usage", in: CommandLanguage.detect(app.mentore.localizer)) : ""
            FileHandle.standardError.write(Data("mentore: \(error)\n\(usage)\n".utf8))
            try? await app.asyncShutdown()
            exit(2)
        }
    }
}
