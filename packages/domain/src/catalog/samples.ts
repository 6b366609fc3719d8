/**
 * Sample catalogs of the demo regions — 聊城市 371500, 青岛市 370200, 温岭市 331081, 成都市 510100 —
 * shaped after published 办事指南. Item names and materials are typical of such guides; codes and
 * limits are illustrative, not the regions' official entries. Not part of the domain's API: the
 * demo, tests and bench import them from `@xr/domain/samples`.
 */
import type { Catalog, CatalogMaterial } from './model.js';

const BUSINESS_LICENCE: CatalogMaterial = { name: '营业执照', required: true };
const LEGAL_REP_ID: CatalogMaterial = { name: '法定代表人身份证明', required: true };
const POWER_OF_ATTORNEY: CatalogMaterial = { name: '授权委托书', required: false };

export const SAMPLE_CATALOG_371500: Catalog = {
  region: '371500',
  items: [
    {
      code: '371500-JZZZ-0003',
      name: '建筑业企业资质核准',
      materials: [
        { name: '建筑业企业资质申请表', required: true },
        BUSINESS_LICENCE,
        { name: '技术负责人职称证书', required: true },
        { name: '注册建造师注册证书', required: true },
        { name: '企业安全生产管理制度', required: true, deferrable: true },
        POWER_OF_ATTORNEY,
      ],
      legalDays: 20,
      promisedDays: 15,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '建筑业企业资质证书',
      certificate: { typeCode: '11100000MB0143028R001', issuer: { uscc: '11371500MB2345678H', name: '聊城市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '371500-SPJY-0001',
      name: '食品经营许可证核发',
      materials: [
        { name: '食品经营许可申请书', required: true },
        BUSINESS_LICENCE,
        { name: '食品安全管理制度', required: true, deferrable: true },
        { name: '经营场所平面布局图', required: true, deferrable: true },
      ],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '食品经营许可证',
      certificate: { typeCode: '11100000MB0143028R002', issuer: { uscc: '11371500MB2345678H', name: '聊城市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '371500-YHBZ-0007',
      name: '烟花爆竹经营（零售）许可',
      materials: [{ name: '烟花爆竹经营（零售）许可申请书', required: true }, BUSINESS_LICENCE, { name: '零售场所安全条件说明', required: true }],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: false,
      yieldsCertificate: true,
      certificateType: '烟花爆竹经营（零售）许可证',
      certificate: { typeCode: '11100000MB0143028R003', issuer: { uscc: '11371500MB2345678H', name: '聊城市行政审批服务局' }, validityYears: 5 },
    },
  ],
};

export const SAMPLE_CATALOG_370200: Catalog = {
  region: '370200',
  items: [
    {
      code: '370200-SPJY-0001',
      name: '食品经营许可证核发',
      materials: [
        { name: '食品经营许可申请书', required: true },
        BUSINESS_LICENCE,
        LEGAL_REP_ID,
        { name: '食品安全管理制度', required: true, deferrable: true },
        { name: '经营场所平面布局图', required: true, deferrable: true },
        POWER_OF_ATTORNEY,
      ],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '食品经营许可证',
      certificate: { typeCode: '11100000MB0143028R002', issuer: { uscc: '11370200MB12345674', name: '青岛市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '370200-YPLS-0004',
      name: '药品零售企业许可',
      materials: [
        { name: '药品经营许可证申请表', required: true },
        BUSINESS_LICENCE,
        { name: '执业药师注册证', required: true },
        { name: '经营场所和仓库平面布局图', required: true, deferrable: true },
        { name: '质量管理文件目录', required: true, deferrable: true },
      ],
      legalDays: 20,
      promisedDays: 15,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '药品经营许可证',
      certificate: { typeCode: '11100000MB0143028R004', issuer: { uscc: '11370200MB12345674', name: '青岛市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '370200-GGWS-0002',
      name: '公共场所卫生许可',
      materials: [{ name: '公共场所卫生许可申请表', required: true }, BUSINESS_LICENCE, { name: '卫生检测报告', required: true }],
      legalDays: 20,
      promisedDays: 5,
      remoteIntake: false,
      yieldsCertificate: true,
      certificateType: '公共场所卫生许可证',
      certificate: { typeCode: '11100000MB0143028R005', issuer: { uscc: '11370200MB12345674', name: '青岛市行政审批服务局' }, validityYears: 5 },
    },
  ],
};

export const SAMPLE_CATALOG_331081: Catalog = {
  region: '331081',
  items: [
    {
      code: '331081-YLJG-0002',
      name: '医疗机构执业登记',
      materials: [
        { name: '医疗机构执业登记申请书', required: true },
        { name: '设置医疗机构批准书', required: true },
        { name: '医疗机构用房产权证明或使用证明', required: true },
        { name: '医疗机构规章制度', required: true, deferrable: true },
        { name: '医疗机构人员名录及执业证书', required: true },
      ],
      legalDays: 45,
      promisedDays: 20,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '医疗机构执业许可证',
      certificate: { typeCode: '11100000MB0143028R006', issuer: { uscc: '11331081MB34567893', name: '温岭市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '331081-SPJY-0001',
      name: '食品经营许可证核发',
      materials: [{ name: '食品经营许可申请书', required: true }, BUSINESS_LICENCE, { name: '食品安全管理制度', required: true, deferrable: true }],
      legalDays: 20,
      promisedDays: 7,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '食品经营许可证',
      certificate: { typeCode: '11100000MB0143028R002', issuer: { uscc: '11331081MB34567893', name: '温岭市行政审批服务局' }, validityYears: 5 },
    },
    {
      code: '331081-MBXX-0005',
      name: '民办学校办学许可',
      materials: [{ name: '民办学校办学许可申请书', required: true }, { name: '举办者资格证明', required: true }, { name: '办学场所安全评估报告', required: true }],
      legalDays: 20,
      promisedDays: 20,
      remoteIntake: false,
      yieldsCertificate: true,
      certificateType: '民办学校办学许可证',
      certificate: { typeCode: '11100000MB0143028R007', issuer: { uscc: '11331081MB34567893', name: '温岭市行政审批服务局' }, validityYears: 5 },
    },
  ],
};

export const SAMPLE_CATALOG_510100: Catalog = {
  region: '510100',
  items: [
    {
      code: '510100-YPLS-0004',
      name: '药品零售企业许可',
      materials: [
        { name: '药品经营许可证申请表', required: true },
        BUSINESS_LICENCE,
        { name: '执业药师注册证', required: true },
        { name: '质量管理文件目录', required: true, deferrable: true },
      ],
      legalDays: 20,
      promisedDays: 12,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '药品经营许可证',
      certificate: { typeCode: '11100000MB0143028R004', issuer: { uscc: '11510100MB45678909', name: '成都市行政审批局' }, validityYears: 5 },
    },
    {
      code: '510100-JZZZ-0003',
      name: '建筑业企业资质核准',
      materials: [
        { name: '建筑业企业资质申请表', required: true },
        BUSINESS_LICENCE,
        { name: '注册建造师注册证书', required: true },
        { name: '企业安全生产管理制度', required: true, deferrable: true },
      ],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '建筑业企业资质证书',
      certificate: { typeCode: '11100000MB0143028R001', issuer: { uscc: '11510100MB45678909', name: '成都市行政审批局' }, validityYears: 5 },
    },
    {
      code: '510100-DLYS-0006',
      name: '道路旅客运输经营许可',
      materials: [{ name: '道路旅客运输经营申请表', required: true }, LEGAL_REP_ID, { name: '车辆技术等级评定证明', required: true }, POWER_OF_ATTORNEY],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: true,
      yieldsCertificate: true,
      certificateType: '道路运输经营许可证',
      certificate: { typeCode: '11100000MB0143028R008', issuer: { uscc: '11510100MB45678909', name: '成都市行政审批局' }, validityYears: 5 },
    },
    {
      code: '510100-RLZY-0009',
      name: '经营性人力资源服务机构从事职业中介活动许可',
      materials: [{ name: '人力资源服务许可申请书', required: true }, BUSINESS_LICENCE, { name: '经营场所使用证明', required: true }, { name: '专职工作人员名单及资格证明', required: true }],
      legalDays: 20,
      promisedDays: 10,
      remoteIntake: false,
      yieldsCertificate: true,
      certificateType: '人力资源服务许可证',
      certificate: { typeCode: '11100000MB0143028R009', issuer: { uscc: '11510100MB45678909', name: '成都市行政审批局' }, validityYears: 5 },
    },
  ],
};

export const SAMPLE_CATALOGS: readonly Catalog[] = [SAMPLE_CATALOG_371500, SAMPLE_CATALOG_370200, SAMPLE_CATALOG_331081, SAMPLE_CATALOG_510100];
