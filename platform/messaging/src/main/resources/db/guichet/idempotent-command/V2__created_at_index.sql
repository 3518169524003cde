-- Stored answers are deleted after the retention (IdempotentCommands.purge): they may hold personal data.
create index idempotent_command_created_at on idempotent_command (created_at);
