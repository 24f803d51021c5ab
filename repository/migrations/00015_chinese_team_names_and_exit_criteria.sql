-- +goose Up
-- Chinese beside English where the data model had only English: a team's name, and a
-- milestone's exit criteria (a template's steps carry theirs in their JSON, filled for the
-- built-in templates by EnsureBuiltinTemplates). Milestones laid out from the built-in
-- templates before this migration get the Chinese of their English exit criteria.
ALTER TABLE teams ADD COLUMN name_zh text NOT NULL DEFAULT '';
ALTER TABLE milestones ADD COLUMN exit_criteria_zh text NOT NULL DEFAULT '';

UPDATE milestones m SET exit_criteria_zh = t.zh
FROM (VALUES
    ('Customer''s need and our solution direction agreed; pursue or not decided', '客户需求与我方方案方向达成一致；已决定是否跟进'),
    ('Project is in the customer''s approved budget', '项目已列入客户批准的预算'),
    ('Procurement plan approved', '采购实施计划已获批准'),
    ('Published at least 30 calendar days before procurement starts', '在采购活动开始前至少 30 日公开'),
    ('Go / no-go recorded with rationale', '已记录是否投标的决定及理由'),
    ('Open tender: at least 20 calendar days to the bid deadline', '公开招标：自招标文件发出至投标截止不少于 20 日'),
    ('Bid approved internally and submitted before the deadline; bid bond ≤ 2 % of budget', '投标文件经内部审批并在截止前递交；投标保证金不超过预算的 2%'),
    ('Evaluation report within 2 working days; buyer decides within 5', '评标报告 2 个工作日内提交；采购人 5 个工作日内确定中标人'),
    ('Announced within 2 working days of the decision; 7-working-day challenge window passed', '确定中标人后 2 个工作日内公告；7 个工作日的质疑期已过'),
    ('Signed within 30 calendar days of the award notice', '自中标通知书发出之日起 30 日内签订合同'),
    ('SME supplier: paid within 30 days of acceptance (60 if agreed)', '中小企业供应商：验收后 30 日内付款（另有约定的不超过 60 日）'),
    ('Qualified: need, budget holder and timing known', '商机已确认：需求、预算负责人和时间均已明确'),
    ('Pursue decided; PMO, business and solution named', '已决定跟进；PMO、商务和方案负责人均已指定'),
    ('Requirements and the customer''s decision chain documented', '需求与客户决策链已形成文档'),
    ('Customer agrees the solution', '客户认可方案'),
    ('At least 20 calendar days where tendering is required', '依法须招标的，投标期不少于 20 日'),
    ('Price and terms approved internally', '价格与条款已通过内部审批'),
    ('Signed within 30 calendar days of the award', '自中标之日起 30 日内签订合同'),
    ('SME supplier: within 60 days', '中小企业供应商：60 日内付款')
) AS t (en, zh)
WHERE m.exit_criteria = t.en AND m.exit_criteria_zh = '';

-- +goose Down
ALTER TABLE milestones DROP COLUMN exit_criteria_zh;
ALTER TABLE teams DROP COLUMN name_zh;
