-- The national floors up to their 2026 revaluation (issue #32), each row citing the text that set it. Until now the
-- table stopped at the ASPA of January 2021 and the AAH of November 2019, so every amount of a later month deducted a
-- floor too low by up to 140 € a month.
--
-- ASPA (allocation de solidarité aux personnes âgées, CSS L815-1, D815-1): annual amounts, revalued every 1 January
-- (and once on 1 July 2022). AAH (allocation aux adultes handicapés, CSS L821-3-1, D821-3): monthly amount, revalued
-- every 1 April (and once on 1 July 2022).
insert into solidarity_parameter (name, effective_from, value, source) values
    ('aspa.annual.single', '2022-01-01', 11001.44, 'ASPA personne seule — Circulaire Cnav n° 2022/3 du 11 janvier 2022'),
    ('aspa.annual.couple', '2022-01-01', 17079.77, 'ASPA couple — Circulaire Cnav n° 2022/3 du 11 janvier 2022'),
    ('aspa.annual.single', '2022-07-01', 11441.50, 'ASPA personne seule — Loi n° 2022-1158 du 16 août 2022, art. 9 (+4 % au 1er juillet 2022)'),
    ('aspa.annual.couple', '2022-07-01', 17762.96, 'ASPA couple — Loi n° 2022-1158 du 16 août 2022, art. 9 (+4 % au 1er juillet 2022)'),
    ('aspa.annual.single', '2023-01-01', 11533.02, 'ASPA personne seule — Circulaire Cnav n° 2023/3 du 9 janvier 2023'),
    ('aspa.annual.couple', '2023-01-01', 17905.06, 'ASPA couple — Circulaire Cnav n° 2023/3 du 9 janvier 2023'),
    ('aspa.annual.single', '2024-01-01', 12144.27, 'ASPA personne seule — Circulaire Cnav n° 2023/34 du 29 décembre 2023'),
    ('aspa.annual.couple', '2024-01-01', 18854.02, 'ASPA couple — Circulaire Cnav n° 2023/34 du 29 décembre 2023'),
    ('aspa.annual.single', '2025-01-01', 12411.44, 'ASPA personne seule — Circulaire Cnav n° 2024/39 du 23 décembre 2024'),
    ('aspa.annual.couple', '2025-01-01', 19268.80, 'ASPA couple — Circulaire Cnav n° 2024/39 du 23 décembre 2024'),
    ('aspa.annual.single', '2026-01-01', 12523.14, 'ASPA personne seule — Circulaire Cnav n° 2025/29 du 22 décembre 2025'),
    ('aspa.annual.couple', '2026-01-01', 19442.21, 'ASPA couple — Circulaire Cnav n° 2025/29 du 22 décembre 2025'),
    ('aah.monthly', '2020-04-01',  902.70, 'AAH — Décret n° 2020-492 du 29 avril 2020'),
    ('aah.monthly', '2021-04-01',  903.60, 'AAH — Décret n° 2021-527 du 29 avril 2021'),
    ('aah.monthly', '2022-04-01',  919.86, 'AAH — Décret n° 2022-700 du 26 avril 2022'),
    ('aah.monthly', '2022-07-01',  956.65, 'AAH — Loi n° 2022-1158 du 16 août 2022, art. 9 (+4 % au 1er juillet 2022)'),
    ('aah.monthly', '2023-04-01',  971.37, 'AAH — Décret n° 2023-328 du 29 avril 2023'),
    ('aah.monthly', '2024-04-01', 1016.05, 'AAH — Décret n° 2024-397 du 29 avril 2024'),
    ('aah.monthly', '2025-04-01', 1033.32, 'AAH — Décret n° 2025-297 du 29 mars 2025'),
    ('aah.monthly', '2026-04-01', 1041.59, 'AAH — Décret n° 2026-229 du 30 mars 2026');

-- The first rows named their source vaguely ("ASPA (minimum vieillesse)", "AAH", "RULES.md"). Their values stand; only
-- the citation is made exact, by this migration alone (no API may touch a row in force, and the trigger is back on at
-- the end of this transaction).
alter table solidarity_parameter disable trigger solidarity_parameter_in_force_is_final;
update solidarity_parameter set source = 'ASPA — Circulaire Cnav n° 2016/18 du 29 mars 2016'      where name like 'aspa.%' and effective_from = '2016-04-01';
update solidarity_parameter set source = 'ASPA — Circulaire Cnav n° 2017/13 du 4 avril 2017'      where name like 'aspa.%' and effective_from = '2017-04-01';
update solidarity_parameter set source = 'ASPA — Décret n° 2018-227 du 30 mars 2018 (art. D815-1 CSS)' where name like 'aspa.%' and effective_from in ('2018-04-01', '2019-01-01', '2020-01-01');
update solidarity_parameter set source = 'ASPA — Circulaire Cnav n° 2021/1 du 11 janvier 2021'    where name like 'aspa.%' and effective_from = '2021-01-01';
update solidarity_parameter set source = 'AAH — Décret n° 2017-710 du 3 mai 2017'                 where name = 'aah.monthly' and effective_from = '2017-04-01';
update solidarity_parameter set source = 'AAH — Décret n° 2018-328'                               where name = 'aah.monthly' and effective_from = '2018-04-01';
update solidarity_parameter set source = 'AAH — Décret n° 2018-948 du 31 octobre 2018'            where name = 'aah.monthly' and effective_from = '2018-11-01';
update solidarity_parameter set source = 'AAH — Décret n° 2019-1047 du 11 octobre 2019'           where name = 'aah.monthly' and effective_from = '2019-11-01';
update solidarity_parameter set source = 'Règlement municipal II.1.1 et III.1.1, annexe des montants (plafonds Paris Solidarité)'
 where name like 'ceiling.%' and source = 'RULES.md';
alter table solidarity_parameter enable trigger solidarity_parameter_in_force_is_final;
