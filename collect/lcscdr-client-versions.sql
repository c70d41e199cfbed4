-- migkb: each user's clients, from the registrations the Monitoring database (LcsCDR) records: one row per user
-- and client version, the most recent registration last. Read-only. Run it against the Monitoring server's LcsCDR
-- database and save the result as CSV, e.g.:
--   Invoke-Sqlcmd -ServerInstance "monitoring.contoso.com\LyncMonitoring" -Database LcsCDR `
--       -InputFile lcscdr-client-versions.sql | Export-Csv lcscdr-client-versions.csv -NoTypeInformation -Encoding UTF8
-- Tables and columns: Registration (UserId, ClientVersionId, RegisterTime), Users (UserId, UserUri),
-- ClientVersions (VersionId, Version) of the Lync Server 2013 Monitoring database schema (docs/inputs.md).
SELECT
    u.UserUri                                     AS UserUri,
    cv.Version                                    AS ClientVersion,
    CONVERT(varchar(19), MAX(r.RegisterTime), 126) AS LastSeen
FROM LcsCDR.dbo.Registration AS r
JOIN LcsCDR.dbo.Users AS u ON u.UserId = r.UserId
JOIN LcsCDR.dbo.ClientVersions AS cv ON cv.VersionId = r.ClientVersionId
GROUP BY u.UserUri, cv.Version
ORDER BY LastSeen;
