-- migkb: who joined each conference, with the client they joined with, from the Monitoring database (LcsCDR):
-- one row per conference and participant. Read-only. Run it against the Monitoring server's LcsCDR database and
-- save the result as CSV, e.g.:
--   Invoke-Sqlcmd -ServerInstance "monitoring.contoso.com\LyncMonitoring" -Database LcsCDR `
--       -InputFile lcscdr-conference-participants.sql |
--       Export-Csv lcscdr-participants.csv -NoTypeInformation -Encoding UTF8
-- Tables and columns are those of the Lync Server 2013 Monitoring database schema (Conferences, ConferenceUris,
-- FocusJoinsAndLeaves, Users, ClientVersions); docs/inputs.md ("Who joins: the Monitoring database") cites them.
-- Only focus conferences (their URI holds "app:conf:focus:id:"), the ones users schedule and join, are listed.
SELECT
    cu.ConferenceUri                         AS ConferenceUri,
    u.UserUri                                AS ParticipantUri,
    MAX(CAST(f.IsUserInternal AS int))       AS IsUserInternal,
    cv.Version                               AS ClientVersion,
    CONVERT(varchar(19), MAX(f.UserJoinTime), 126) AS LastJoined
FROM LcsCDR.dbo.Conferences AS c
JOIN LcsCDR.dbo.ConferenceUris AS cu ON cu.ConferenceUriId = c.ConferenceUriId
JOIN LcsCDR.dbo.FocusJoinsAndLeaves AS f ON f.SessionIdTime = c.SessionIdTime AND f.SessionIdSeq = c.SessionIdSeq
JOIN LcsCDR.dbo.Users AS u ON u.UserId = f.UserId
LEFT JOIN LcsCDR.dbo.ClientVersions AS cv ON cv.VersionId = f.ClientVerId
WHERE cu.ConferenceUri LIKE '%app:conf:focus:id:%'
GROUP BY cu.ConferenceUri, u.UserUri, cv.Version
ORDER BY cu.ConferenceUri, LastJoined;
