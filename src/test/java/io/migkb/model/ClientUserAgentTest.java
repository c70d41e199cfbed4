package io.migkb.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Full SIP user agents as the registrar and the Monitoring database record them: the product token decides. */
class ClientUserAgentTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UCCAPI/15.0.4420.1017 OC/15.0.4420.1017 (Microsoft Lync)                      | LYNC_2013            | 15.0.4420.1017
            UCCAPI/3.5.6907.206 OC/3.5.6907.206 (Microsoft Office Communicator 2007 R2)    | COMMUNICATOR_2007_R2 | 3.5.6907.206
            UCCAPI/4.0.7577.314 OC/4.0.7577.314 (Microsoft Lync 2010)                      | LYNC_2010            | 4.0.7577.314
            OC/2.0.6362.111                                                                | COMMUNICATOR_2007    | 2.0.6362.111
            RTCC/5.0.0.0 UCWA/5.0.0.0 LWA/15.8.0.0 (Lync Web App)                          | LYNC_WEB_APP_2013    | 15.8.0.0
            CWA/4.0.7577.280                                                               | LYNC_WEB_APP_2010    | 4.0.7577.280
            AOC/4.0.7577.4051 (Microsoft Lync 2010 Attendee)                               | LYNC_2010_ATTENDEE   | 4.0.7577.4051
            OC/4.0.7577.4051 (Microsoft Lync 2010 Attendee)                                | LYNC_2010_ATTENDEE   | 4.0.7577.4051
            LMC/8.0.6362.229                                                               | LIVE_MEETING_2007    | 8.0.6362.229
            Attendant/3.5.6907.0                                                           | OCS_2007_R2_ATTENDANT | 3.5.6907.0
            uccapi/15.0.4569.1503 oc/15.0.4569.1503 (microsoft lync)                       | LYNC_2013            | 15.0.4569.1503
            """)
    void aClientIsRecognisedByItsProductTokenAnywhereInTheString(String userAgent, Client client, String version) {
        assertThat(Client.fromUserAgent(userAgent)).contains(client);
        assertThat(Client.versionOf(userAgent)).contains(version);
    }

    @ParameterizedTest(name = "{0} names no client migkb assesses")
    @CsvSource(delimiter = '|', textBlock = """
            CPE/4.0.7577.4398 OCPhone/4.0.7577.4398 (Microsoft Lync 2010 Phone Edition)
            OCPhone/4.0.7577.4398 (Microsoft Lync 2010 Phone Edition)
            RTCC/5.0.0.0 UCWA/5.0.0.0 AndroidLync/5.4.1114.0 (SAMSUNG GT-I9505 Android 4.4.2)
            MC/5.4.1087.0 (Microsoft Lync 2013 for iPhone)
            UCCAPI/16.0.4405.1000 OC/16.0.4405.1000 (Skype for Business)
            OC/15.01 (not Lync)
            (OC/15.0.4420.1017 inside a comment only)
            UCCAPI/15.0.4420.1017
            """)
    void phonesMobileAppsAndNewerClientsAreNoClient(String userAgent) {
        assertThat(Client.fromUserAgent(userAgent)).isEmpty();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UCCAPI/15.0.4420.1017 | OC/15.0.4420.1017 (Microsoft Lync)                 | LYNC_2013
            RTCC/5.0.0.0          | UCWA/5.0.0.0 LWA/15.8.0.0 (Lync Web App)           | LYNC_WEB_APP_2013
            UCCAPI/3.5.6907.206   | OC/3.5.6907.206 (Microsoft Office Communicator 2007 R2) | COMMUNICATOR_2007_R2
            """)
    void theTwoHalvesOfAUserAgentSplitAtTheFirstSpaceNameTheSameClient(String first, String rest, Client client) {
        assertThat(Client.fromUserAgent(first + " " + rest)).contains(client);
        assertThat(Client.fromUserAgent(rest)).contains(client);
    }
}
