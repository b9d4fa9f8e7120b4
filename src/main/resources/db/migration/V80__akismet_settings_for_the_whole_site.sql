-- The Akismet key and endpoint entered in the back office serve every feature that asks Akismet
-- (comments and story submissions), so they move out of the comments' namespace.
update site_setting set setting_key = 'spam.akismet.key' where setting_key = 'comments.akismet.key';
update site_setting set setting_key = 'spam.akismet.endpoint' where setting_key = 'comments.akismet.endpoint';
