package io.migkb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The errors a rule author sees: each at the file, line and column to fix, with what exists instead. One build
 * holds every breakage, one per file, so the class costs a single compilation.
 */
class RuleCheckerTest {
    private static final String HEADER = "package io.migkb.rules;\nimport io.migkb.model.*;\n\n";
    private static final Map<String, String> BROKEN = new LinkedHashMap<>();

    static {
        BROKEN.put("a-syntax.drl", HEADER + """
                rule "SYNTAX"
                when
                    $u : User( client == Client.LYNC_2010
                then
                    System.out.println($u);
                end
                """);
        BROKEN.put("b-unknown-field.drl", HEADER + """
                rule "UNKNOWN-FIELD"
                when
                    $u : User( clinet == Client.LYNC_2010 )
                then
                    System.out.println($u);
                end
                """);
        BROKEN.put("c-missing-end.drl", HEADER + """
                rule "FIRST"
                when
                    $u : User( client == Client.LYNC_2010 )
                then
                    System.out.println($u);

                // the next rule
                rule "SECOND"
                when
                    $m : Meeting( locked == true )
                then
                    System.out.println($m);
                end
                """);
        BROKEN.put("d-unknown-type.drl", HEADER + """
                rule "UNKNOWN-TYPE"
                when
                    $u : Usr( client == Client.LYNC_2010 )
                then
                    System.out.println($u.getSip());
                end
                """);
        BROKEN.put("e-unknown-constant.drl", HEADER + """
                rule "UNKNOWN-CONSTANT"
                when
                    $u : User( client == Client.LYNC_2011 )
                then
                    System.out.println($u);
                end
                """);
        BROKEN.put("f-bound-field.drl", HEADER + """
                rule "BOUND-FIELD"
                when
                    $p : Participation( )
                    $m : Meeting( id == $p.meetingid, locked == true )
                then
                    System.out.println($m);
                end
                """);
        BROKEN.put("g-consequence.drl", HEADER + """
                rule "CONSEQUENCE"
                when
                    $u : User( )
                then
                    System.out.println($u.getSipp());
                end
                """);
        BROKEN.put("h-unclosed-string.drl", HEADER + """
                rule "UNCLOSED-STRING"
                    @id("UNCLOSED-STRING)
                when
                    $u : User( )
                then
                    System.out.println($u);
                end
                """);
        BROKEN.put("i-accumulate-field.drl", HEADER + """
                rule "ACCUMULATE-FIELD"
                when
                    $partner : FederatedPartner( $domain : domain )
                    accumulate( FederatedUser( domian == $domain ); $n : count(); $n > 0 )
                then
                    System.out.println($partner);
                end
                """);
    }

    private static List<RuleProblem> errors;

    @BeforeAll
    static void buildOnce() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        BROKEN.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        RuleChecker.Report report = RuleChecker.check(RuleFiles.of("broken", files));
        assertThat(report.ok()).isFalse();
        errors = report.errors();
    }

    private static List<String> errorsOf(String file) {
        return errors.stream().filter(p -> p.file().equals(file)).map(RuleProblem::format).toList();
    }

    @Test
    void checkNamesFileAndLineOfASyntaxError() {
        // Drools stops at 'then' on line 7; the '(' left open is on line 6
        assertThat(errorsOf("a-syntax.drl")).containsExactly(
                "a-syntax.drl:6:14: rule \"SYNTAX\": this '(' is not closed before 'then'");
    }

    @Test
    void checkListsExistingFieldsForAnUnknownField() {
        assertThat(errorsOf("b-unknown-field.drl")).containsExactly(
                "b-unknown-field.drl:6:16: User has no field 'clinet'; fields: addIns, client, clientGap, clientVersion, domain,"
                        + " federated, meetingsPerMonth, migrated, needs, pool, schedulesLiveMeetingService, serverVersion, sip");
    }

    @Test
    void missingEndIsReportedAtItsRule() {
        // Drools itself complains about a line of the next rule
        assertThat(errorsOf("c-missing-end.drl")).containsExactly(
                "c-missing-end.drl:4:1: rule \"FIRST\" has no 'end': rule \"SECOND\" starts at line 11 before it ends");
    }

    @Test
    void unknownTypeListsTheFactTypesAndDropsItsCascade() {
        assertThat(errorsOf("d-unknown-type.drl")).containsExactly(
                "d-unknown-type.drl:6:10: unknown fact type 'Usr'; fact types: ClientCapability, ConferenceDirectory,"
                        + " FederatedPartner, FederatedUser, Finding, Meeting, MeetingSourceGap, Participant,"
                        + " Participation, Plan, Pool, SchemeConflict, User");
    }

    @Test
    void unknownEnumConstantListsTheConstants() {
        assertThat(errorsOf("e-unknown-constant.drl")).singleElement().asString()
                .startsWith("e-unknown-constant.drl:6:33: Client has no constant 'LYNC_2011'; constants: COMMUNICATOR_2007,")
                .contains("LYNC_2013");
    }

    @Test
    void unknownFieldOfABoundVariableIsLocatedAtTheField() {
        assertThat(errorsOf("f-bound-field.drl")).containsExactly(
                "f-bound-field.drl:7:28: Participation has no field 'meetingid'; fields: client, federated, internal, meeting, meetingId, organizer, "
                        + "organizerServerVersion, organizing, participant, sip");
    }

    @Test
    void consequenceErrorIsLocatedAtTheWordDroolsNames() {
        assertThat(errorsOf("g-consequence.drl")).singleElement().asString()
                .startsWith("g-consequence.drl:8:27: rule \"CONSEQUENCE\": The method getSipp() is undefined for the type User");
    }

    @Test
    void unclosedStringIsReportedWhereItOpens() {
        assertThat(errorsOf("h-unclosed-string.drl")).containsExactly(
                "h-unclosed-string.drl:5:9: this string is not closed on its line: \"UNCLOSED-STRING)");
    }

    @Test
    void unknownFieldInsideAnAccumulateIsLocated() {
        assertThat(errorsOf("i-accumulate-field.drl")).containsExactly(
                "i-accumulate-field.drl:7:32: FederatedUser has no field 'domian'; fields: client, domain, federated, sip");
    }

    @Test
    void errorsComeInFileOrderThenLineAndNeverAtColumnZero() {
        assertThat(errors).extracting(RuleProblem::file).isSorted();
        assertThat(errors).allSatisfy(p -> {
            assertThat(p.line()).isPositive();
            assertThat(p.column()).isPositive();
        });
        assertThat(errors).extracting(RuleProblem::message).noneMatch(m -> m.contains("null Package"));
    }
}
