import Domain
import Foundation
import Testing

@Suite("Delays after failed log-ins")
struct LoginThrottleTests {
    @Test("no delay below the free failures, then 1, 2, 4 … seconds up to five minutes")
    func delays() {
        #expect(LoginThrottle.delay(failures: 0, free: 5) == 0)
        #expect(LoginThrottle.delay(failures: 4, free: 5) == 0)
        #expect(LoginThrottle.delay(failures: 5, free: 5) == 1)
        #expect(LoginThrottle.delay(failures: 6, free: 5) == 2)
        #expect(LoginThrottle.delay(failures: 9, free: 5) == 16)
        #expect(LoginThrottle.delay(failures: 13, free: 5) == 256)
        #expect(LoginThrottle.delay(failures: 14, free: 5) == 300)
        #expect(LoginThrottle.delay(failures: 10_000, free: 5) == 300)
    }

    @Test("an attempt waits out what is left of the delay since the latest failure, and then goes ahead")
    func wait() {
        let latest = Date(timeIntervalSince1970: 1_000_000)
        #expect(LoginThrottle.wait(failures: 7, latest: latest, free: 5, now: latest) == 4)
        #expect(LoginThrottle.wait(failures: 7, latest: latest, free: 5, now: latest.addingTimeInterval(3)) == 1)
        #expect(LoginThrottle.wait(failures: 7, latest: latest, free: 5, now: latest.addingTimeInterval(4)) == 0)
        #expect(LoginThrottle.wait(failures: 2, latest: latest, free: 5, now: latest) == 0)
        #expect(LoginThrottle.wait(failures: 9, latest: nil, free: 5, now: latest) == 0)
    }
}
