-- The reception window (issue #38): how many months back a reception time written on an application may go and still
-- count (an application captured offline or on paper, typed in later), a dated figure as in the exceptional aid, no
-- longer a constant in the code.
insert into solidarity_parameter (name, effective_from, value, source) values
    ('reception.months', '2012-01-01', 2, 'RM I/B art. 3 : la date de réception fait foi, la demande complétée dans les deux mois');
