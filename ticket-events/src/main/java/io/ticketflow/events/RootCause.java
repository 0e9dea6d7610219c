package io.ticketflow.events;

/** Root-cause dimensions of a dissatisfied callback, as the source documents name them. */
public enum RootCause {
    /** 流程设计 */
    PROCESS_DESIGN,
    /** 工具支持 */
    TOOLING,
    /** 人员能力 */
    PEOPLE_SKILL,
    /** 跨部门资源 */
    CROSS_TEAM_RESOURCES
}
