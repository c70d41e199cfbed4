package io.migkb.generate;

import static io.migkb.generate.Unchecked.io;

import io.migkb.model.Content;
import io.migkb.model.ServerVersion;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a generated inventory as a folder of customer exports, the way the cmdlets and scripts of docs/inputs.md
 * write them: {@code Get-CsUser.csv} (every column of the cmdlet, {@code #TYPE} line, BOM), {@code Get-CsPool.csv},
 * {@code Get-CsService-Registrar.csv}, the registration script's {@code EndpointRegistrations.csv} (user agents split
 * at their first space), and migkb's own {@code profiles.csv}, {@code federated.csv}, {@code meetings.csv} and
 * {@code plan.yaml}. Read back, it is the same estate as the JSON the generator writes for the same seed, so the two
 * formats can be timed against each other (docs/performance.md) and assessed to the same findings.
 *
 * <p>With meeting sources, the meetings are written where Lync keeps them instead of {@code meetings.csv}
 * ({@link MeetingSourcesWriter}): the same users and participants, but meetings known by their conference ids and
 * without the content, video and IM settings no source holds, so the findings differ from the JSON's.
 */
public final class ExportFolderSink implements InventorySink {
    /** Get-CsUser's columns, as Windows PowerShell's Export-Csv writes them for Lync Server 2013. */
    private static final List<String> USER_COLUMNS = List.of("Identity", "VoicePolicy", "VoiceRoutingPolicy",
            "ConferencingPolicy", "PresencePolicy", "DialPlan", "LocationPolicy", "ClientPolicy", "ClientVersionPolicy",
            "ArchivingPolicy", "ExchangeArchivingPolicy", "PinPolicy", "ExternalAccessPolicy", "MobilityPolicy",
            "PersistentChatPolicy", "UserServicesPolicy", "HostedVoiceMail", "HostedVoicemailPolicy", "HostingProvider",
            "RegistrarPool", "Enabled", "SipAddress", "LineURI", "EnterpriseVoiceEnabled", "ExUmEnabled", "HomeServer",
            "DisplayName", "SamAccountName", "UserPrincipalName", "TargetRegistrarPool", "TargetServerIfMoving",
            "UserRoutingGroupId", "AudioVideoDisabled", "IPPBXSoftPhoneRoutingEnabled",
            "RemoteCallControlTelephonyEnabled", "PrivateLine", "ProxyAddresses", "Name", "DistinguishedName", "Guid",
            "IsValid", "ObjectState");

    private final Path folder;
    private final Writer users;
    private final Writer registrations;
    private final Writer profiles;
    private final Writer federated;
    private final Writer meetings;
    /** Null unless the meetings go to the conference database, Monitoring and calendar exports. */
    private final MeetingSourcesWriter sources;
    private final StringBuilder plan = new StringBuilder();
    private final Map<String, ServerVersion> pools = new TreeMap<>();
    private final List<Writer> all = new ArrayList<>();
    private long row;

    /** Writes into {@code folder}, which must exist; the files are complete once {@link #end()} returns. */
    public ExportFolderSink(Path folder) {
        this(folder, false);
    }

    /**
     * As {@link #ExportFolderSink(Path)}; with {@code meetingSources}, the meetings are written as the conference
     * database, Monitoring and calendar exports of docs/inputs.md rather than as {@code meetings.csv}.
     */
    public ExportFolderSink(Path folder, boolean meetingSources) {
        this.folder = folder;
        try {
            users = keep(open("Get-CsUser.csv", true));
            users.write("#TYPE Microsoft.Rtc.Management.ADConnect.Schema.OCSADUser\r\n");
            line(users, USER_COLUMNS);
            registrations = keep(open("EndpointRegistrations.csv", false));
            line(registrations, List.of("ClientVersion", "UserAgent", "UserName", "Server", "EndpointId", "ExpiresAt"));
            profiles = keep(open("profiles.csv", false));
            profiles.write("SipAddress,MeetingsPerMonth,Needs,AddIns,SchedulesLiveMeetingService\r\n");
            federated = keep(open("federated.csv", false));
            line(federated, List.of("SipAddress", "UserAgent"));
            if (meetingSources) {
                meetings = null;
                sources = new MeetingSourcesWriter(keep(open("rtc-conferences.csv", true)),
                        keep(open("lcscdr-participants.csv", true)), keep(open("calendars.ics", false)));
            } else {
                sources = null;
                meetings = keep(open("meetings.csv", false));
                line(meetings, List.of("Id", "Organizer", "Url", "Locked", "Content", "Video", "NoMeetingIm",
                        "Participants"));
            }
        } catch (IOException e) {
            closeAll();
            throw new UncheckedIOException(e);
        }
    }

    private Writer open(String name, boolean bom) throws IOException {
        Writer w = new BufferedWriter(Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8), 1 << 16);
        if (bom) {
            w.write('\uFEFF');
        }
        return w;
    }

    /** Writers closed by {@link #end()}, or on a failure to open the next. */
    private Writer keep(Writer w) {
        all.add(w);
        return w;
    }

    /** Export-Csv quotes every value and doubles quotes inside. */
    static void line(Writer w, Collection<String> values) throws IOException {
        boolean first = true;
        for (String v : values) {
            if (!first) {
                w.write(',');
            }
            first = false;
            w.write('"');
            w.write(v.replace("\"", "\"\""));
            w.write('"');
        }
        w.write("\r\n");
    }

    @Override
    public void organization(String organization) {
        plan.append("organization: ").append(organization).append('\n');
    }

    @Override
    public void plan(GeneratedPlan p) {
        plan.append("plan:\n")
                .append("  targetPool: ").append(p.targetPool()).append('\n')
                .append("  moveConferenceData: ").append(p.moveConferenceData()).append('\n')
                .append("  liveMeetingServiceAvailable: ").append(p.liveMeetingServiceAvailable()).append('\n')
                .append("  removeConferencingAddIn: ").append(p.removeConferencingAddIn()).append('\n')
                .append("  frequentOrganizerThreshold: ").append(p.frequentOrganizerThreshold()).append('\n')
                .append("  minimumClientVersions:\n    LYNC_2013: \"").append(p.minimumLync2013()).append("\"\n");
    }

    @Override
    public void pool(String fqdn, ServerVersion version) {
        pools.put(fqdn, version);
    }

    @Override
    public void user(GeneratedUser u) {
        io(() -> {
            String name = u.sip().substring(0, u.sip().indexOf('@'));
            String dn = "CN=" + name + ",OU=Users,DC=example,DC=com";
            List<String> values = new ArrayList<>(USER_COLUMNS.size());
            for (String column : USER_COLUMNS) {
                values.add(switch (column) {
                    case "Identity", "DistinguishedName" -> dn;
                    case "RegistrarPool" -> u.pool();
                    case "Enabled", "IsValid" -> "True";
                    case "SipAddress" -> "sip:" + u.sip();
                    case "DisplayName", "Name", "SamAccountName" -> name;
                    case "UserPrincipalName" -> u.sip();
                    case "HostingProvider" -> "SRV:";
                    case "ObjectState" -> "Unchanged";
                    case "EnterpriseVoiceEnabled", "ExUmEnabled", "AudioVideoDisabled" -> "False";
                    default -> "";
                });
            }
            line(users, values);
            // the registration script splits ClientApp at its first space
            String text = u.clientText();
            int space = text.indexOf(' ');
            line(registrations, List.of(space < 0 ? text : text.substring(0, space),
                    space < 0 ? "" : text.substring(space + 1), u.sip(), u.pool(), "{" + (++row) + "}",
                    "03/02/2014 08:00:00"));
            if (u.meetingsPerMonth() > 0 || !u.needs().isEmpty() || !u.addIns().isEmpty()
                    || u.schedulesLiveMeetingService()) {
                profiles.write("sip:" + u.sip() + "," + u.meetingsPerMonth() + "," + names(u.needs()) + ","
                        + names(u.addIns()) + "," + u.schedulesLiveMeetingService() + "\r\n");
            }
        });
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining("|"));
    }

    @Override
    public void federatedUser(String sip, String clientText, io.migkb.model.Client client) {
        io(() -> line(federated, List.of("sip:" + sip, clientText)));
        if (sources != null) {
            sources.federatedUser(sip, clientText);
        }
    }

    @Override
    public void meeting(GeneratedMeeting m) {
        if (sources != null) {
            io(() -> sources.meeting(m));
            return;
        }
        io(() -> line(meetings, List.of(m.id(), "sip:" + m.organizer(), m.url(), String.valueOf(m.locked()),
                m.content().stream().map(Content::name).collect(Collectors.joining("|")), String.valueOf(m.video()),
                String.valueOf(m.noMeetingIm()), String.join("|", m.participants()))));
    }

    @Override
    public void end() {
        io(() -> {
            try (Writer p = open("Get-CsPool.csv", true); Writer r = open("Get-CsService-Registrar.csv", false)) {
                p.write("#TYPE Microsoft.Rtc.Management.Xds.DisplayPool\r\n");
                line(p, List.of("Identity", "Services", "Computers", "Fqdn", "Site"));
                r.write("#TYPE Microsoft.Rtc.Management.Xds.DisplayRegistrar\r\n");
                line(r, List.of("Identity", "SiteId", "PoolFqdn", "Version", "Role"));
                for (Map.Entry<String, ServerVersion> e : pools.entrySet()) {
                    // OCS 2007 R2 pools are merged into the legacy site; Lync pools have a Registrar with a version
                    String site = e.getValue() == ServerVersion.OCS_2007_R2 ? "Site:BackCompatSite" : "Site:Central";
                    line(p, List.of(e.getKey(), "System.Collections.Generic.List`1[System.String]",
                            "System.Collections.Generic.List`1[Microsoft.Rtc.Management.Xds.DisplayComputer]",
                            e.getKey(), site));
                    if (e.getValue() != ServerVersion.OCS_2007_R2) {
                        line(r, List.of("Registrar:" + e.getKey(), site, e.getKey(),
                                e.getValue() == ServerVersion.LYNC_2010 ? "5" : "6", "Registrar"));
                    }
                }
            }
            Files.writeString(folder.resolve("plan.yaml"), plan, StandardCharsets.UTF_8);
            if (sources != null) {
                sources.end();
            }
            closeAll();
        });
    }

    private void closeAll() {
        IOException first = null;
        for (Writer w : all) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        all.clear();
        if (first != null) {
            throw new UncheckedIOException(first);
        }
    }

}
