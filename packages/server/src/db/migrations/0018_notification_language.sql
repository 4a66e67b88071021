-- The language a person reads notifications in: their e-mails are written in it (chosen in
-- Tài khoản / Thông báo, Vietnamese until then), and each in-app notification keeps its English
-- text beside the Vietnamese, so the bell follows the interface's language switch. The
-- language list is the domain's LANGUAGES (text/format.ts).

ALTER TABLE users ADD COLUMN language text NOT NULL DEFAULT 'vi';
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_language CHECK (language IN ('vi', 'en'));
--> statement-breakpoint
ALTER TABLE notifications ADD COLUMN title_en text;
--> statement-breakpoint
ALTER TABLE notifications ADD COLUMN body_en text;
